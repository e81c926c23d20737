package org.ketamineclinic.fhir.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import ca.uhn.fhir.model.api.Include;
import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.IncludeParam;
import ca.uhn.fhir.rest.annotation.OptionalParam;
import ca.uhn.fhir.rest.annotation.Read;
import ca.uhn.fhir.rest.annotation.Search;
import ca.uhn.fhir.rest.param.DateRangeParam;
import ca.uhn.fhir.rest.param.ReferenceParam;
import ca.uhn.fhir.rest.param.TokenOrListParam;
import ca.uhn.fhir.rest.param.TokenParam;
import ca.uhn.fhir.rest.server.IResourceProvider;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.StringType;
import org.jspecify.annotations.Nullable;
import org.ketamineclinic.identity.ClinicId;
import org.ketamineclinic.identity.ClinicUser;
import org.ketamineclinic.identity.Role;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * US Core Observations from three modules' tables: vital signs charted in dosing sessions (and the
 * pre-dose set taken at check-in), intake measurements (weight, height, BMI, resting blood
 * pressure) and rating-scale results. One source row can give several Observations, so an id is
 * the row's UUID plus a suffix naming the measurement ({@code <uuid>-hr}); a scale result's id is
 * the assessment's own UUID. The suffix also tells a read which table to look in.
 */
@Component
class ObservationProvider implements IResourceProvider, PatientCompartment {

	private static final String TYPE = "Observation";

	/** The source of a suffix: session vitals, the pre-dose set of a session, or an intake measurement. */
	private enum Source {
		VITALS, PRE_DOSE, MEASUREMENT, ASSESSMENT
	}

	private static final Map<String, Source> SUFFIXES = Map.ofEntries(Map.entry("bp", Source.VITALS),
			Map.entry("hr", Source.VITALS), Map.entry("spo2", Source.VITALS), Map.entry("rr", Source.VITALS),
			Map.entry("pre-bp", Source.PRE_DOSE), Map.entry("pre-hr", Source.PRE_DOSE), Map.entry("pre-spo2", Source.PRE_DOSE),
			Map.entry("pre-rr", Source.PRE_DOSE), Map.entry("body-weight", Source.MEASUREMENT),
			Map.entry("body-height", Source.MEASUREMENT), Map.entry("bmi", Source.MEASUREMENT),
			Map.entry("resting-bp", Source.MEASUREMENT), Map.entry("resting-hr", Source.MEASUREMENT),
			Map.entry("resting-rr", Source.MEASUREMENT), Map.entry("resting-spo2", Source.MEASUREMENT));

	private final JdbcClient jdbc;
	private final FhirAccess access;
	private final PatientProvider patients;

	ObservationProvider(JdbcClient jdbc, FhirAccess access, PatientProvider patients) {
		this.jdbc = jdbc;
		this.access = access;
		this.patients = patients;
	}

	@Override
	public Class<Observation> getResourceType() {
		return Observation.class;
	}

	@Override
	public String resourceType() {
		return TYPE;
	}

	@Override
	public Set<Role> roles() {
		return FhirAccess.CLINICAL;
	}

	@Read
	public Observation read(@IdParam IdType id) {
		ClinicUser user = access.require(TYPE, roles());
		String idPart = id.getIdPart();
		Source source;
		UUID row;
		if (idPart != null && idPart.length() > 37 && idPart.charAt(36) == '-') {
			source = SUFFIXES.get(idPart.substring(37));
			row = FhirIds.uuid(idPart.substring(0, 36)).orElse(null);
		}
		else {
			source = Source.ASSESSMENT;
			row = FhirIds.uuid(idPart == null ? "" : idPart).orElse(null);
		}
		if (source == null || row == null) {
			throw FhirAccess.notFound(TYPE, String.valueOf(idPart));
		}
		UUID own = FhirAccess.ownPatient(user);
		Observation found = load(source, user.clinicId(), own == null ? null : List.of(own), null, row).stream()
			.filter(o -> o.getIdPart().equals(idPart)).findFirst()
			.orElseThrow(() -> FhirAccess.notFound(TYPE, idPart));
		access.audited(user, patientOf(found), TYPE, idPart);
		return found;
	}

	@Search
	public List<Observation> search(@OptionalParam(name = Observation.SP_PATIENT) @Nullable ReferenceParam patient,
			@OptionalParam(name = Observation.SP_SUBJECT) @Nullable ReferenceParam subject,
			@OptionalParam(name = Observation.SP_CATEGORY) @Nullable TokenOrListParam category,
			@OptionalParam(name = Observation.SP_CODE) @Nullable TokenOrListParam code,
			@OptionalParam(name = Observation.SP_DATE) @Nullable DateRangeParam date,
			@IncludeParam(allow = { "Observation:patient", "Observation:subject" }) @Nullable Set<Include> includes) {
		ClinicUser user = access.require(TYPE, roles());
		List<UUID> scope = FhirAccess.patientScope(user, patient, subject, TYPE);
		if (scope.isEmpty()) {
			access.searched(TYPE, 0);
			return List.of();
		}
		List<Observation> found = new ArrayList<>();
		for (Source source : Source.values()) {
			for (Observation observation : load(source, user.clinicId(), scope, null, null)) {
				if (matches(category, observation.getCategory()) && matches(code, List.of(observation.getCode()))
						&& within(date, observation.getEffectiveDateTimeType().getValue())) {
					found.add(observation);
				}
			}
		}
		found.sort(Comparator.comparing((Observation o) -> o.getEffectiveDateTimeType().getValue()).thenComparing(Observation::getIdPart));
		EncounterSearch.audit(access, user, TYPE, found, r -> patientOf((Observation) r));
		if (includes != null && !includes.isEmpty()) {
			EncounterSearch.includePatients(found, Observation::getSubject, patients, access, user);
		}
		return found;
	}

	@Override
	public List<Observation> forPatients(ClinicId clinic, Collection<UUID> patientIds, @Nullable Instant since) {
		if (patientIds.isEmpty()) {
			return List.of();
		}
		List<Observation> all = new ArrayList<>();
		for (Source source : Source.values()) {
			all.addAll(load(source, clinic, patientIds, since, null));
		}
		return all;
	}

	static UUID patientOf(Observation observation) {
		return UUID.fromString(observation.getSubject().getReferenceElement().getIdPart());
	}

	static boolean matches(@Nullable TokenOrListParam tokens, List<CodeableConcept> concepts) {
		if (tokens == null || tokens.getValuesAsQueryTokens().isEmpty()) {
			return true;
		}
		for (TokenParam token : tokens.getValuesAsQueryTokens()) {
			for (CodeableConcept concept : concepts) {
				for (Coding coding : concept.getCoding()) {
					boolean systemMatches = token.getSystem() == null || token.getSystem().isEmpty()
							|| token.getSystem().equals(coding.getSystem());
					boolean codeMatches = token.getValue() == null || token.getValue().isEmpty() || token.getValue().equals(coding.getCode());
					if (systemMatches && codeMatches) {
						return true;
					}
				}
			}
		}
		return false;
	}

	/** Whether an instant lies in a `date` search range (the bounds already widened to their precision by HAPI). */
	static boolean within(@Nullable DateRangeParam range, @Nullable Date when) {
		if (range == null) {
			return true;
		}
		if (when == null) {
			return false;
		}
		Date lower = range.getLowerBound() == null ? null : range.getLowerBoundAsInstant();
		Date upper = range.getUpperBound() == null ? null : range.getUpperBoundAsInstant();
		return (lower == null || !when.before(lower)) && (upper == null || !when.after(upper));
	}

	private List<Observation> load(Source source, ClinicId clinic, @Nullable Collection<UUID> patientIds, @Nullable Instant since,
			@Nullable UUID row) {
		Map<String, Object> params = new HashMap<>();
		params.put("clinic", clinic.value());
		StringBuilder where = new StringBuilder();
		String patientColumn = switch (source) {
			case VITALS, PRE_DOSE -> "s.patient_id";
			case MEASUREMENT -> "m.patient_id";
			case ASSESSMENT -> "a.patient_id";
		};
		if (patientIds != null) {
			where.append(" AND ").append(patientColumn).append(" IN (:ids)");
			params.put("ids", patientIds);
		}
		if (since != null) {
			params.put("since", OffsetDateTime.ofInstant(since, ZoneOffset.UTC));
		}
		if (row != null) {
			params.put("row", row);
		}
		String sql = switch (source) {
			case VITALS -> "SELECT v.id, s.id AS session_id, s.patient_id, v.taken_at, v.sbp, v.dbp, v.hr, v.spo2, v.rr, "
					+ "v.recorded_at AS last_updated FROM session_vitals v JOIN dosing_session s ON s.id = v.session_id "
					+ "JOIN patient p ON p.id = s.patient_id AND p.voided_at IS NULL WHERE s.clinic_id = :clinic" + where
					+ (since == null ? "" : " AND v.recorded_at > :since") + (row == null ? "" : " AND v.id = :row");
			case PRE_DOSE -> "SELECT s.id, s.id AS session_id, s.patient_id, s.checked_in_at AS taken_at, s.pre_dose_sbp AS sbp, "
					+ "s.pre_dose_dbp AS dbp, s.pre_dose_hr AS hr, s.pre_dose_spo2 AS spo2, s.pre_dose_rr AS rr, "
					+ "s.updated_at AS last_updated FROM dosing_session s "
					+ "JOIN patient p ON p.id = s.patient_id AND p.voided_at IS NULL WHERE s.clinic_id = :clinic "
					+ "AND s.checked_in_at IS NOT NULL" + where + (since == null ? "" : " AND s.updated_at > :since")
					+ (row == null ? "" : " AND s.id = :row");
			case MEASUREMENT -> "SELECT m.id, m.patient_id, m.measured_at, m.weight_kg, m.height_cm, m.sbp, m.dbp, m.heart_rate, "
					+ "m.respiratory_rate, m.spo2, "
					+ "m.created_at AS last_updated, (SELECT h.height_cm FROM patient_measurement h WHERE h.patient_id = m.patient_id "
					+ "AND h.voided_at IS NULL AND h.height_cm IS NOT NULL AND h.measured_at <= m.measured_at "
					+ "ORDER BY h.measured_at DESC LIMIT 1) AS known_height FROM patient_measurement m "
					+ "JOIN patient p ON p.id = m.patient_id AND p.voided_at IS NULL WHERE m.clinic_id = :clinic "
					+ "AND m.voided_at IS NULL" + where + (since == null ? "" : " AND m.created_at > :since")
					+ (row == null ? "" : " AND m.id = :row");
			case ASSESSMENT -> "SELECT a.id, a.patient_id, a.instrument, a.total, a.severity, a.total_loinc, a.completed_at, "
					+ "a.session_id, a.created_at AS last_updated, "
					+ "EXISTS (SELECT 1 FROM assessment_item i WHERE i.assessment_id = a.id) AS has_items FROM assessment a "
					+ "JOIN patient p ON p.id = a.patient_id AND p.voided_at IS NULL WHERE a.clinic_id = :clinic "
					+ "AND a.voided_at IS NULL" + where + (since == null ? "" : " AND a.created_at > :since")
					+ (row == null ? "" : " AND a.id = :row");
		};
		List<Observation> observations = new ArrayList<>();
		jdbc.sql(sql + " ORDER BY 1").params(params).query(rs -> {
			switch (source) {
				case VITALS -> vitals(rs, "", observations);
				case PRE_DOSE -> vitals(rs, "pre-", observations);
				case MEASUREMENT -> measurements(rs, observations);
				case ASSESSMENT -> {
					Observation score = score(rs);
					if (score != null) {
						observations.add(score);
					}
				}
			}
		});
		return observations;
	}

	private static void vitals(ResultSet rs, String prefix, List<Observation> into) throws SQLException {
		String row = rs.getString("id");
		Integer sbp = integer(rs, "sbp");
		Integer dbp = integer(rs, "dbp");
		if (sbp != null || dbp != null) {
			into.add(bloodPressure(rs, row + "-" + prefix + "bp", "taken_at", sbp, dbp));
		}
		Integer hr = integer(rs, "hr");
		if (hr != null) {
			into.add(vital(rs, row + "-" + prefix + "hr", "taken_at", FhirCodes.PROFILE_HEART_RATE, quantity(hr, "/min", "beats/minute"),
					coding(FhirCodes.HEART_RATE, "Heart rate")));
		}
		Integer spo2 = integer(rs, "spo2");
		if (spo2 != null) {
			into.add(vital(rs, row + "-" + prefix + "spo2", "taken_at", FhirCodes.PROFILE_PULSE_OXIMETRY, quantity(spo2, "%", "%"),
					coding(FhirCodes.PULSE_OXIMETRY, "Oxygen saturation in Arterial blood by Pulse oximetry"),
					coding(FhirCodes.OXYGEN_SATURATION, "Oxygen saturation in Arterial blood")));
		}
		Integer rr = integer(rs, "rr");
		if (rr != null) {
			into.add(vital(rs, row + "-" + prefix + "rr", "taken_at", FhirCodes.PROFILE_RESPIRATORY_RATE,
					quantity(rr, "/min", "breaths/minute"), coding(FhirCodes.RESPIRATORY_RATE, "Respiratory rate")));
		}
		String session = rs.getString("session_id");
		for (int i = into.size() - 1; i >= 0 && into.get(i).getIdPart().startsWith(row); i--) {
			into.get(i).setEncounter(new Reference("Encounter/" + session));
		}
	}

	private static void measurements(ResultSet rs, List<Observation> into) throws SQLException {
		String row = rs.getString("id");
		BigDecimal weight = rs.getBigDecimal("weight_kg");
		if (weight != null) {
			into.add(vital(rs, row + "-body-weight", "measured_at", FhirCodes.PROFILE_BODY_WEIGHT, quantity(weight, "kg", "kg"),
					coding(FhirCodes.BODY_WEIGHT, "Body weight")));
		}
		BigDecimal height = rs.getBigDecimal("height_cm");
		if (height != null) {
			into.add(vital(rs, row + "-body-height", "measured_at", FhirCodes.PROFILE_BODY_HEIGHT, quantity(height, "cm", "cm"),
					coding(FhirCodes.BODY_HEIGHT, "Body height")));
		}
		BigDecimal knownHeight = rs.getBigDecimal("known_height");
		if (weight != null && knownHeight != null) {
			// BMI from this weight and the latest height measured at or before it: adult height does not change between visits.
			BigDecimal metres = knownHeight.movePointLeft(2);
			BigDecimal bmi = weight.divide(metres.multiply(metres), 1, RoundingMode.HALF_UP);
			into.add(vital(rs, row + "-bmi", "measured_at", FhirCodes.PROFILE_BMI, quantity(bmi, "kg/m2", "kg/m2"),
					coding(FhirCodes.BMI, "Body mass index (BMI) [Ratio]")));
		}
		Integer sbp = integer(rs, "sbp");
		if (sbp != null) {
			into.add(bloodPressure(rs, row + "-resting-bp", "measured_at", sbp, integer(rs, "dbp")));
		}
		// Vital signs outside a session, as an imported record brings them.
		Integer hr = integer(rs, "heart_rate");
		if (hr != null) {
			into.add(vital(rs, row + "-resting-hr", "measured_at", FhirCodes.PROFILE_HEART_RATE, quantity(hr, "/min", "beats/minute"),
					coding(FhirCodes.HEART_RATE, "Heart rate")));
		}
		Integer rr = integer(rs, "respiratory_rate");
		if (rr != null) {
			into.add(vital(rs, row + "-resting-rr", "measured_at", FhirCodes.PROFILE_RESPIRATORY_RATE,
					quantity(rr, "/min", "breaths/minute"), coding(FhirCodes.RESPIRATORY_RATE, "Respiratory rate")));
		}
		Integer spo2 = integer(rs, "spo2");
		if (spo2 != null) {
			into.add(vital(rs, row + "-resting-spo2", "measured_at", FhirCodes.PROFILE_PULSE_OXIMETRY, quantity(spo2, "%", "%"),
					coding(FhirCodes.PULSE_OXIMETRY, "Oxygen saturation in Arterial blood by Pulse oximetry"),
					coding(FhirCodes.OXYGEN_SATURATION, "Oxygen saturation in Arterial blood")));
		}
	}

	private static Observation bloodPressure(ResultSet rs, String id, String timeColumn, @Nullable Integer sbp, @Nullable Integer dbp)
			throws SQLException {
		Observation bp = vital(rs, id, timeColumn, FhirCodes.PROFILE_BLOOD_PRESSURE, null,
				coding(FhirCodes.BLOOD_PRESSURE, "Blood pressure panel with all children optional"));
		component(bp, FhirCodes.SYSTOLIC, "Systolic blood pressure", sbp);
		component(bp, FhirCodes.DIASTOLIC, "Diastolic blood pressure", dbp);
		return bp;
	}

	private static void component(Observation bp, String code, String display, @Nullable Integer value) {
		Observation.ObservationComponentComponent component = bp.addComponent()
			.setCode(new CodeableConcept().addCoding(coding(code, display)).setText(display));
		if (value != null) {
			component.setValue(quantity(value, "mm[Hg]", "mmHg"));
		}
		else {
			component.setDataAbsentReason(new CodeableConcept().addCoding(
					new Coding(FhirCodes.DATA_ABSENT_REASON, "not-performed", "Not Performed")));
		}
	}

	private static Observation vital(ResultSet rs, String id, String timeColumn, String profile, @Nullable Quantity value,
			Coding... codes) throws SQLException {
		Observation observation = base(rs, id, profile, FhirCodes.VITAL_SIGNS, "Vital Signs");
		CodeableConcept code = new CodeableConcept().setText(codes[0].getDisplay());
		for (Coding coding : codes) {
			code.addCoding(coding);
		}
		observation.setCode(code);
		observation.setEffective(new DateTimeType(Date.from(rs.getObject(timeColumn, OffsetDateTime.class).toInstant())));
		if (value != null) {
			observation.setValue(value);
		}
		return observation;
	}

	/** A rating-scale result, or null when the scale gives neither a total nor a severity. */
	private static @Nullable Observation score(ResultSet rs) throws SQLException {
		String instrument = rs.getString("instrument");
		Integer total = integer(rs, "total");
		String severity = rs.getString("severity");
		if (total == null && severity == null) {
			return null;
		}
		String id = rs.getString("id");
		FhirCodes.ScaleCodes codes = FhirCodes.scale(instrument);
		Observation observation = base(rs, id, FhirCodes.PROFILE_SCREENING_ASSESSMENT, FhirCodes.SURVEY, "Survey");
		String loinc = rs.getString("total_loinc") != null ? rs.getString("total_loinc") : codes.totalLoinc();
		Coding coding = loinc != null ? coding(loinc, codes.title())
				: new Coding(FhirCodes.RATING_SCALE_SYSTEM, instrument + "-total", codes.title());
		observation.setCode(new CodeableConcept().addCoding(coding).setText(codes.title()));
		observation.setEffective(new DateTimeType(Date.from(rs.getObject("completed_at", OffsetDateTime.class).toInstant())));
		if (total != null) {
			observation.setValue(new IntegerType(total));
		}
		else {
			observation.setValue(new StringType(severity));
		}
		if (total != null && severity != null) {
			observation.addInterpretation().setText(severity);
		}
		String session = rs.getString("session_id");
		if (session != null) {
			observation.setEncounter(new Reference("Encounter/" + session));
		}
		if (rs.getBoolean("has_items")) {
			// The answers behind the total; a total taken elsewhere without them (an import) has none to point to.
			observation.addDerivedFrom(new Reference("QuestionnaireResponse/" + id));
		}
		return observation;
	}

	private static Observation base(ResultSet rs, String id, String profile, String category, String categoryDisplay)
			throws SQLException {
		Observation observation = new Observation();
		observation.setId(id);
		observation.getMeta().addProfile(profile)
			.setLastUpdated(Date.from(rs.getObject("last_updated", OffsetDateTime.class).toInstant()));
		observation.setStatus(Observation.ObservationStatus.FINAL);
		observation.addCategory(new CodeableConcept().addCoding(new Coding(FhirCodes.OBSERVATION_CATEGORY, category, categoryDisplay)));
		observation.setSubject(new Reference("Patient/" + rs.getString("patient_id")));
		return observation;
	}

	private static Coding coding(String loinc, String display) {
		return new Coding(FhirCodes.LOINC, loinc, display);
	}

	private static Quantity quantity(Number value, String ucum, String unit) {
		Quantity quantity = new Quantity().setUnit(unit).setSystem(FhirCodes.UCUM).setCode(ucum);
		quantity.setValue(value instanceof BigDecimal decimal ? decimal : BigDecimal.valueOf(value.longValue()));
		return quantity;
	}

	private static @Nullable Integer integer(ResultSet rs, String column) throws SQLException {
		int value = rs.getInt(column);
		return rs.wasNull() ? null : value;
	}
}
