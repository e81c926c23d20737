package org.ketamineclinic.identity.internal;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.ketamineclinic.identity.ClinicId;

@Entity
@Table(name = "clinic")
class Clinic {

	@Id
	private UUID id;

	private String name;

	private Instant createdAt;

	protected Clinic() {
	}

	Clinic(String name, Instant now) {
		this.id = UUID.randomUUID();
		this.name = name;
		this.createdAt = now;
	}

	ClinicId id() {
		return new ClinicId(id);
	}

	String name() {
		return name;
	}
}
