package org.ketamineclinic.identity.internal;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.jspecify.annotations.Nullable;

/** A bearer token for the API. Only its SHA-256 is kept: a stolen database yields no usable token. */
@Entity
@Table(name = "api_token")
class ApiToken {

	@Id
	private UUID id;

	private UUID clinicId;

	private UUID userId;

	private String tokenHash;

	private String label;

	private Instant createdAt;

	private Instant expiresAt;

	private @Nullable Instant revokedAt;

	private @Nullable Instant lastUsedAt;

	protected ApiToken() {
	}

	ApiToken(UserAccount owner, String tokenHash, String label, Instant now, Instant expiresAt) {
		this.id = UUID.randomUUID();
		this.clinicId = owner.clinicId().value();
		this.userId = owner.id();
		this.tokenHash = tokenHash;
		this.label = label;
		this.createdAt = now;
		this.expiresAt = expiresAt;
	}

	boolean isValidAt(Instant now) {
		return revokedAt == null && expiresAt.isAfter(now);
	}

	void revoke(Instant now) {
		if (revokedAt == null) {
			revokedAt = now;
		}
	}

	/** Recorded at most once a minute, so that busy monitors do not turn every read into a write. */
	boolean markUsed(Instant now) {
		if (lastUsedAt == null || lastUsedAt.isBefore(now.minusSeconds(60))) {
			lastUsedAt = now;
			return true;
		}
		return false;
	}

	UUID id() {
		return id;
	}

	UUID userId() {
		return userId;
	}

	String label() {
		return label;
	}

	Instant createdAt() {
		return createdAt;
	}

	Instant expiresAt() {
		return expiresAt;
	}

	@Nullable Instant revokedAt() {
		return revokedAt;
	}

	@Nullable Instant lastUsedAt() {
		return lastUsedAt;
	}
}
