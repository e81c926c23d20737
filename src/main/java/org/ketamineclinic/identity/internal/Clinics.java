package org.ketamineclinic.identity.internal;

import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

interface Clinics extends JpaRepository<Clinic, UUID> {

	Optional<Clinic> findByName(String name);
}
