package org.ketamineclinic.patient.internal;

import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

interface Patients extends JpaRepository<Patient, UUID> {

	Optional<Patient> findByClinicIdAndId(UUID clinicId, UUID id);
}
