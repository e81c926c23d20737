package org.ketamineclinic.protocol.internal;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

interface DoseOrderRepository extends JpaRepository<DoseOrder, UUID> {

	List<DoseOrder> findByClinicIdAndCourseIdOrderBySignedAtAsc(UUID clinicId, UUID courseId);

	Optional<DoseOrder> findByClinicIdAndCourseIdAndSessionNumberAndVoidedAtIsNull(UUID clinicId, UUID courseId, int sessionNumber);

	Optional<DoseOrder> findByClinicIdAndId(UUID clinicId, UUID id);
}
