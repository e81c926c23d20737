package org.ketamineclinic.inventory.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.ketamineclinic.identity.ClinicUser;
import org.ketamineclinic.identity.CurrentUser;
import org.ketamineclinic.platform.FieldChecks;
import org.ketamineclinic.platform.InvalidInput;
import org.ketamineclinic.platform.NotFound;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Where controlled substances are stored (a safe, a locked cabinet in an infusion room). The
 * clinic's first location is its default, which requests that leave the location out mean.
 */
@Service
@Transactional
class Locations {

	static final String DEFAULT_NAME = "Main safe";

	record LocationView(UUID id, String name, boolean isDefault) {
	}

	record NewLocation(@Nullable String name) {
	}

	private final JdbcTemplate jdbc;
	private final CurrentUser currentUser;
	private final Clock clock;

	Locations(JdbcTemplate jdbc, CurrentUser currentUser, Clock clock) {
		this.jdbc = jdbc;
		this.currentUser = currentUser;
		this.clock = clock;
	}

	@PreAuthorize(Ledger.STAFF)
	@Transactional(readOnly = true)
	List<LocationView> list() {
		return jdbc.query("SELECT id, name, is_default FROM inventory_location WHERE clinic_id = ? ORDER BY is_default DESC, name",
				(rs, row) -> new LocationView(rs.getObject(1, UUID.class), rs.getString(2), rs.getBoolean(3)),
				currentUser.clinic().value());
	}

	@PreAuthorize("hasAnyRole('ADMIN','PHYSICIAN')")
	LocationView create(NewLocation request) {
		FieldChecks checks = new FieldChecks();
		String name = checks.check("name", () -> Ledger.text(request.name(), 100, true));
		checks.throwIfAny();
		ClinicUser user = currentUser.get();
		boolean first = list().isEmpty();
		UUID id = UUID.randomUUID();
		try {
			jdbc.update("INSERT INTO inventory_location (id, clinic_id, name, is_default, created_at, created_by) "
					+ "VALUES (?, ?, ?, ?, ?, ?)", id, user.clinicId().value(), name, first, Timestamp.from(clock.instant()),
					user.username());
		}
		catch (DuplicateKeyException taken) {
			throw new InvalidInput("name", "the clinic already has a location of this name");
		}
		return new LocationView(id, name, first);
	}

	/** The named location if it is the clinic's own; null means the default, made on first use. */
	UUID resolve(@Nullable UUID locationId) {
		UUID clinic = currentUser.clinic().value();
		if (locationId != null) {
			return jdbc.query("SELECT id FROM inventory_location WHERE clinic_id = ? AND id = ?",
					(rs, row) -> rs.getObject(1, UUID.class), clinic, locationId).stream().findFirst()
				.orElseThrow(() -> new NotFound("Location", locationId));
		}
		jdbc.update("INSERT INTO inventory_location (id, clinic_id, name, is_default, created_at, created_by) "
				+ "SELECT ?, ?, ?, TRUE, ?, ? WHERE NOT EXISTS (SELECT 1 FROM inventory_location WHERE clinic_id = ? AND is_default) "
				+ "ON CONFLICT DO NOTHING", UUID.randomUUID(), clinic, DEFAULT_NAME, Timestamp.from(clock.instant()),
				currentUser.get().username(), clinic);
		return jdbc.query("SELECT id FROM inventory_location WHERE clinic_id = ? AND is_default",
				(rs, row) -> rs.getObject(1, UUID.class), clinic).stream().findFirst()
			.orElseThrow(() -> new NotFound("Default location", clinic));
	}
}
