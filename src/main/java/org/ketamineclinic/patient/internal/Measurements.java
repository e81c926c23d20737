package org.ketamineclinic.patient.internal;

import java.util.List;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

interface Measurements extends JpaRepository<Measurement, UUID> {

	List<Measurement> findByPatientIdAndVoidedAtIsNullOrderByMeasuredAtDesc(UUID patientId);
}
