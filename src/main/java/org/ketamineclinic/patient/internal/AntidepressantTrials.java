package org.ketamineclinic.patient.internal;

import java.util.List;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

interface AntidepressantTrials extends JpaRepository<AntidepressantTrial, UUID> {

	List<AntidepressantTrial> findByPatientIdAndVoidedAtIsNullOrderByStartDateDesc(UUID patientId);
}
