package org.ketamineclinic.protocol.internal;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import org.jspecify.annotations.Nullable;
import org.ketamineclinic.evaluation.Indication;
import org.ketamineclinic.evaluation.Route;
import org.ketamineclinic.identity.ClinicId;
import org.ketamineclinic.identity.ClinicUser;
import org.ketamineclinic.identity.CurrentUser;
import org.ketamineclinic.platform.Codes;
import org.ketamineclinic.platform.Conflict;
import org.ketamineclinic.platform.FieldChecks;
import org.ketamineclinic.platform.NotFound;
import org.ketamineclinic.protocol.library.BuiltInProtocols;
import org.ketamineclinic.protocol.library.DoseUnit;
import org.ketamineclinic.protocol.library.Frequency;
import org.ketamineclinic.protocol.library.Phase;
import org.ketamineclinic.protocol.library.Protocol;
import org.ketamineclinic.protocol.library.ScheduleBlock;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import tools.jackson.databind.json.JsonMapper;

/**
 * The protocols a clinic can start courses from: the built-in ones (read-only, in code) and the
 * clinic's own, stored as validated JSON with a version for optimistic locking. Physicians define,
 * copy and edit; physicians, nurses, therapists and administrators read.
 */
@Service
@Transactional
class ProtocolLibrary {

	/** A protocol as the API and the pages show it. */
	record ProtocolView(@JsonUnwrapped Protocol protocol, long version, @Nullable String updatedBy, @Nullable Instant updatedAt) {
	}

	/** A definition as submitted; every part is checked and all problems are reported together. */
	record ProtocolForm(@Nullable String code, @Nullable String name, @Nullable String route, @Nullable String indication,
			@Nullable String doseUnit, @Nullable BigDecimal startDose, @Nullable List<BigDecimal> titrationSteps,
			@Nullable Integer infusionMinutes, @Nullable List<BlockForm> induction, @Nullable List<BlockForm> maintenance,
			@Nullable List<String> maintenanceFrequencies, @Nullable Integer stepUpAfterToleratedSessions,
			@Nullable Integer sessionsPlannedAhead, @Nullable String source, @Nullable Long version) {
	}

	record BlockForm(@Nullable Integer sessions, @Nullable Integer minDaysBetween, @Nullable Integer fastestDays,
			@Nullable Integer slowestDays, @Nullable String label) {
	}

	record CopyForm(@Nullable String code, @Nullable String name) {
	}

	private final JdbcTemplate jdbc;
	private final JsonMapper json;
	private final CurrentUser currentUser;
	private final Clock clock;

	ProtocolLibrary(JdbcTemplate jdbc, JsonMapper json, CurrentUser currentUser, Clock clock) {
		this.jdbc = jdbc;
		this.json = json;
		this.currentUser = currentUser;
		this.clock = clock;
	}

	@PreAuthorize("hasAnyRole('PHYSICIAN','NURSE','THERAPIST','ADMIN')")
	@Transactional(readOnly = true)
	List<ProtocolView> list() {
		List<ProtocolView> all = new ArrayList<>();
		BuiltInProtocols.all().forEach(p -> all.add(new ProtocolView(p, 0, null, null)));
		all.addAll(jdbc.query("SELECT definition, version, updated_by, updated_at FROM protocol WHERE clinic_id = ? ORDER BY code",
				(rs, row) -> new ProtocolView(read(rs.getString("definition")), rs.getLong("version"), rs.getString("updated_by"),
						rs.getTimestamp("updated_at").toInstant()),
				currentUser.clinic().value()));
		return all;
	}

	@PreAuthorize("hasAnyRole('PHYSICIAN','NURSE','THERAPIST','ADMIN')")
	@Transactional(readOnly = true)
	ProtocolView view(String code) {
		return find(currentUser.clinic(), code).orElseThrow(() -> new NotFound("Protocol", code));
	}

	/** A built-in or clinic protocol by code, for courses and the dose calculator; no role check (callers check theirs). */
	@Transactional(readOnly = true)
	Optional<ProtocolView> find(ClinicId clinic, @Nullable String code) {
		Optional<Protocol> builtIn = BuiltInProtocols.find(code);
		if (builtIn.isPresent()) {
			return Optional.of(new ProtocolView(builtIn.get(), 0, null, null));
		}
		return jdbc.query("SELECT definition, version, updated_by, updated_at FROM protocol WHERE clinic_id = ? AND code = ?",
				(rs, row) -> new ProtocolView(read(rs.getString("definition")), rs.getLong("version"), rs.getString("updated_by"),
						rs.getTimestamp("updated_at").toInstant()),
				clinic.value(), code).stream().findFirst();
	}

	@PreAuthorize("hasRole('PHYSICIAN')")
	ProtocolView define(ProtocolForm form) {
		Protocol protocol = toProtocol(form, null);
		return insert(protocol);
	}

	@PreAuthorize("hasRole('PHYSICIAN')")
	ProtocolView copy(String code, CopyForm form) {
		Protocol original = view(code).protocol();
		FieldChecks checks = new FieldChecks().require("code", form.code()).require("name", form.name());
		checks.throwIfAny();
		return insert(original.copyAs(form.code().strip(), form.name().strip()));
	}

	/** Built-in protocols are the reference's and the label's: they are copied, never edited (409). */
	@PreAuthorize("hasRole('PHYSICIAN')")
	ProtocolView update(String code, ProtocolForm form) {
		if (BuiltInProtocols.isBuiltIn(code)) {
			throw new Conflict("Built-in protocol " + code + " cannot be edited; copy it under the clinic's own code and edit the copy");
		}
		ProtocolView existing = view(code);
		new FieldChecks().require("version", form.version()).throwIfAny();
		Protocol protocol = toProtocol(form, code);
		ClinicUser user = currentUser.get();
		int updated = jdbc.update("UPDATE protocol SET name = ?, route = ?, definition = ?, version = version + 1, updated_by = ?, "
				+ "updated_at = ? WHERE clinic_id = ? AND code = ? AND version = ?", protocol.name(), protocol.route().name(),
				json.writeValueAsString(protocol.withCopiedFrom(existing.protocol().copiedFrom())),
				user.username(), Timestamp.from(clock.instant()), user.clinicId().value(), code, form.version());
		if (updated == 0) {
			throw new Conflict("Protocol " + code + " was changed by someone else (version " + existing.version()
					+ "); reload it and apply your change again");
		}
		return view(code);
	}

	private ProtocolView insert(Protocol protocol) {
		if (BuiltInProtocols.isBuiltIn(protocol.code())) {
			throw new Conflict("The code " + protocol.code() + " belongs to a built-in protocol; choose another");
		}
		ClinicUser user = currentUser.get();
		Timestamp now = Timestamp.from(clock.instant());
		try {
			jdbc.update("INSERT INTO protocol (id, clinic_id, code, name, route, definition, copied_from, version, created_by, "
					+ "created_at, updated_by, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?, ?)", UUID.randomUUID(),
					user.clinicId().value(), protocol.code(), protocol.name(), protocol.route().name(),
					json.writeValueAsString(protocol), protocol.copiedFrom(), user.username(), now, user.username(), now);
		}
		catch (DuplicateKeyException taken) {
			throw new Conflict("The clinic already has a protocol with the code " + protocol.code());
		}
		return view(protocol.code());
	}

	Protocol read(String definition) {
		return json.readValue(definition, Protocol.class);
	}

	String write(Protocol protocol) {
		return json.writeValueAsString(protocol);
	}

	/** Builds the protocol, gathering every problem of the form (and of the protocol's own rules) into one 400. */
	private static Protocol toProtocol(ProtocolForm form, @Nullable String fixedCode) {
		FieldChecks checks = new FieldChecks();
		String code = fixedCode != null ? fixedCode : form.code() == null ? null : form.code().strip();
		if (fixedCode != null && form.code() != null && !fixedCode.equals(form.code().strip())) {
			checks.rule(false, "code", "cannot be changed; copy the protocol under a new code instead");
		}
		Route route = form.route() == null ? null : checks.check("route", () -> Codes.parse(Route.class, form.route()));
		Indication indication = form.indication() == null || form.indication().isBlank() ? null
				: checks.check("indication", () -> Codes.parse(Indication.class, form.indication()));
		DoseUnit unit = form.doseUnit() == null ? null : checks.check("doseUnit", () -> Codes.parse(DoseUnit.class, form.doseUnit()));
		List<ScheduleBlock> induction = blocks(checks, "induction", Phase.INDUCTION, form.induction());
		List<ScheduleBlock> maintenance = blocks(checks, "maintenance", Phase.MAINTENANCE,
				form.maintenance() == null ? List.of() : form.maintenance());
		List<Frequency> frequencies = new ArrayList<>();
		List<String> frequencyCodes = form.maintenanceFrequencies() == null ? List.of() : form.maintenanceFrequencies();
		for (int i = 0; i < frequencyCodes.size(); i++) {
			String frequencyCode = frequencyCodes.get(i);
			Frequency frequency = checks.check("maintenanceFrequencies[" + i + "]", () -> Codes.parse(Frequency.class, frequencyCode));
			if (frequency != null) {
				frequencies.add(frequency);
			}
		}
		int stepUpAfter = form.stepUpAfterToleratedSessions() == null ? 3 : form.stepUpAfterToleratedSessions();
		int plannedAhead = form.sessionsPlannedAhead() == null ? 4 : form.sessionsPlannedAhead();
		String name = form.name() == null ? null : form.name().strip();
		String source = form.source() == null || form.source().isBlank() ? "Clinic protocol" : form.source().strip();
		checks.rule(source.length() <= 1000, "source", "must be at most 1000 characters");
		FieldChecks definition = Protocol.check(code, name, route, unit, form.startDose(), form.titrationSteps(),
				form.infusionMinutes(), induction, maintenance, frequencies, stepUpAfter, plannedAhead);
		// Both sets together: a form fixes everything in one round.
		checks.include(definition).throwIfAny();
		return new Protocol(code, name, route, indication, unit, form.startDose(), form.titrationSteps(), form.infusionMinutes(),
				induction, maintenance, frequencies, stepUpAfter, plannedAhead, false, null, source);
	}

	private static List<ScheduleBlock> blocks(FieldChecks checks, String field, Phase phase, @Nullable List<BlockForm> forms) {
		List<ScheduleBlock> blocks = new ArrayList<>();
		if (forms == null) {
			return blocks;
		}
		for (int i = 0; i < forms.size(); i++) {
			BlockForm form = forms.get(i);
			String at = field + "[" + i + "]";
			if (form == null || form.sessions() == null || form.minDaysBetween() == null || form.fastestDays() == null
					|| form.slowestDays() == null) {
				checks.rule(false, at, "needs sessions, minDaysBetween, fastestDays and slowestDays");
				continue;
			}
			String label = form.label() == null || form.label().isBlank() ? form.sessions() + " sessions" : form.label().strip();
			ScheduleBlock block = checks.check(at, () -> new ScheduleBlock(phase, form.sessions(), form.minDaysBetween(),
					form.fastestDays(), form.slowestDays(), label));
			if (block != null) {
				blocks.add(block);
			}
		}
		return blocks;
	}
}
