package org.ketamineclinic.identity.internal;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

interface UserAccounts extends JpaRepository<UserAccount, UUID> {

	Optional<UserAccount> findByUsername(String username);

	Optional<UserAccount> findByClinicIdAndId(UUID clinicId, UUID id);

	List<UserAccount> findByClinicIdOrderByRoleAscUsernameAsc(UUID clinicId);

	boolean existsByUsername(String username);
}
