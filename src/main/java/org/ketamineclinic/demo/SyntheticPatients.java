package org.ketamineclinic.demo;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import org.ketamineclinic.patient.CodeSystem;
import org.ketamineclinic.patient.FindingStatus;
import org.ketamineclinic.patient.HistoryFindingCode;
import org.ketamineclinic.patient.MedicationClass;
import org.ketamineclinic.patient.PatientRegistry;
import org.ketamineclinic.patient.PatientRegistry.NewPatient;
import org.ketamineclinic.patient.SexAtBirth;
import org.ketamineclinic.patient.TrialOutcome;
import org.springframework.stereotype.Component;

/**
 * Makes up patients who look like the people these clinics see: mostly treatment-resistant
 * depression after several failed antidepressants, some with anxiety or PTSD, a few with a
 * history that rules ketamine out or calls for caution. All names are invented; the same seed
 * always gives the same people.
 */
@Component
class SyntheticPatients {

	record Seeded(UUID id, String displayName) {
	}

	private record Antidepressant(String drug, String drugClass, int dailyDoseMg) {
	}

	private record Drug(String name, MedicationClass medicationClass, String dose) {
	}

	private static final String[] FEMALE_NAMES = { "Maya", "Olivia", "Grace", "Hannah", "Sofia", "Leah", "Ava", "Nora",
			"Ruth", "Elena", "Claire", "Imani", "Priya", "Mei", "Zoe", "Isabel", "Tamar", "Joan", "Rosa", "Fatima" };
	private static final String[] MALE_NAMES = { "Daniel", "Marcus", "Owen", "Samuel", "Luis", "Ethan", "Noah", "Kenji",
			"Omar", "Victor", "Henry", "Isaac", "Andre", "Tomas", "Raj", "Caleb", "Felix", "Jonah", "Malik", "Peter" };
	private static final String[] FAMILY_NAMES = { "Alvarez", "Brennan", "Chen", "Dubois", "Eriksen", "Fitzgerald",
			"Garcia", "Haddad", "Ibarra", "Jansen", "Kowalski", "Larsen", "Mbeki", "Nakamura", "Okafor", "Petrov", "Quinn",
			"Rossi", "Sato", "Thompson", "Umar", "Vasquez", "Whitfield", "Xu", "Yilmaz", "Zimmerman", "Abbott", "Moreau",
			"Lindgren", "Castillo" };
	private static final String[] CITIES = { "Springfield", "Riverton", "Lakeside", "Fairview", "Oak Ridge", "Milford" };
	private static final String[] LANGUAGES = { "English", "English", "English", "English", "Spanish", "Mandarin", "French" };

	private static final List<Antidepressant> ANTIDEPRESSANTS = List.of(
			new Antidepressant("Sertraline", "SSRI", 150), new Antidepressant("Escitalopram", "SSRI", 20),
			new Antidepressant("Fluoxetine", "SSRI", 40), new Antidepressant("Citalopram", "SSRI", 40),
			new Antidepressant("Paroxetine", "SSRI", 40), new Antidepressant("Venlafaxine XR", "SNRI", 225),
			new Antidepressant("Duloxetine", "SNRI", 60), new Antidepressant("Desvenlafaxine", "SNRI", 100),
			new Antidepressant("Bupropion XL", "NDRI", 300), new Antidepressant("Mirtazapine", "NaSSA", 45),
			new Antidepressant("Vortioxetine", "Multimodal", 20), new Antidepressant("Nortriptyline", "TCA", 100),
			new Antidepressant("Aripiprazole (augmentation)", "Atypical antipsychotic", 5),
			new Antidepressant("Lithium (augmentation)", "Mood stabiliser", 900));

	private static final List<Drug> OTHER_DRUGS = List.of(
			new Drug("Lorazepam", MedicationClass.BENZODIAZEPINE, "0.5 mg as needed"),
			new Drug("Clonazepam", MedicationClass.BENZODIAZEPINE, "0.5 mg at night"),
			new Drug("Zolpidem", MedicationClass.OTHER_CNS_DEPRESSANT, "5 mg at night"),
			new Drug("Methylphenidate ER", MedicationClass.PSYCHOSTIMULANT, "36 mg daily"),
			new Drug("Lisdexamfetamine", MedicationClass.PSYCHOSTIMULANT, "30 mg daily"),
			new Drug("Fluticasone nasal spray", MedicationClass.NASAL_CORTICOSTEROID, "2 sprays daily"),
			new Drug("Lamotrigine", MedicationClass.LAMOTRIGINE, "200 mg daily"),
			new Drug("Lisinopril", MedicationClass.OTHER, "10 mg daily"),
			new Drug("Levothyroxine", MedicationClass.OTHER, "75 mcg daily"),
			new Drug("Tramadol", MedicationClass.OPIOID, "50 mg as needed"));

	private final PatientRegistry registry;
	private final Clock clock;

	SyntheticPatients(PatientRegistry registry, Clock clock) {
		this.registry = registry;
		this.clock = clock;
	}

	List<Seeded> seed(int count, long seed, UUID responsiblePhysician) {
		Random random = new Random(seed);
		LocalDate today = LocalDate.now(clock);
		Instant now = clock.instant();
		List<Seeded> seeded = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			boolean female = random.nextInt(100) < 58;
			SexAtBirth sex = i % 17 == 16 ? SexAtBirth.OTHER : female ? SexAtBirth.FEMALE : SexAtBirth.MALE;
			String given = female ? pick(random, FEMALE_NAMES) : pick(random, MALE_NAMES);
			String family = pick(random, FAMILY_NAMES);
			LocalDate birthDate = today.minusYears(19 + random.nextInt(60)).minusDays(random.nextInt(365));
			String phone = "555-01%02d".formatted(i % 100);
			UUID id = registry.register(new NewPatient(given, family, birthDate, sex, phone,
					given.toLowerCase() + "." + family.toLowerCase() + "@example.org", pick(random, CITIES),
					pick(random, LANGUAGES), pick(random, FEMALE_NAMES) + " " + family, "555-02%02d".formatted(i % 100),
					pick(random, MALE_NAMES) + " " + pick(random, FAMILY_NAMES), "555-03%02d".formatted(i % 100)));
			registry.assignResponsiblePhysician(id, responsiblePhysician);
			measurements(random, id, female, now);
			history(random, id, today, i);
			seeded.add(new Seeded(id, given + " " + family));
		}
		return seeded;
	}

	private void measurements(Random random, UUID id, boolean female, Instant now) {
		double height = female ? 152 + random.nextInt(27) : 165 + random.nextInt(29);
		double weight = female ? 50 + random.nextInt(60) : 60 + random.nextInt(70);
		int visits = 1 + random.nextInt(4);
		for (int visit = visits - 1; visit >= 0; visit--) {
			Instant at = now.minus(Duration.ofDays(visit * (20L + random.nextInt(25)) + random.nextInt(3)));
			double drift = (random.nextDouble() - 0.5) * 3;
			registry.recordMeasurement(id, at, decimal(weight + drift), visit == visits - 1 ? decimal(height) : null);
		}
	}

	private void history(Random random, UUID id, LocalDate today, int index) {
		boolean anxious = random.nextInt(100) < 35;
		boolean trauma = random.nextInt(100) < 15;
		boolean bipolar = index % 13 == 5;
		registry.recordCondition(id, bipolar ? "F31.81" : random.nextBoolean() ? "F33.2" : "F32.2", CodeSystem.ICD10,
				bipolar ? "Bipolar II disorder" : "Major depressive disorder, severe, without psychotic features",
				today.minusYears(1 + random.nextInt(15)));
		if (anxious) {
			registry.recordCondition(id, "F41.1", CodeSystem.ICD10, "Generalized anxiety disorder", null);
		}
		if (trauma) {
			registry.recordCondition(id, "F43.10", CodeSystem.ICD10, "Post-traumatic stress disorder", null);
		}
		// Most patients failed two or more adequate trials; a few are early in their illness.
		int trials = index % 9 == 3 ? 1 : 2 + random.nextInt(4);
		LocalDate start = today.minusMonths(8L * trials + random.nextInt(12));
		List<Antidepressant> pool = new ArrayList<>(ANTIDEPRESSANTS);
		for (int t = 0; t < trials && !pool.isEmpty(); t++) {
			Antidepressant drug = pool.remove(random.nextInt(pool.size()));
			boolean intolerant = random.nextInt(100) < 15;
			int weeks = intolerant ? 1 + random.nextInt(3) : 6 + random.nextInt(10);
			LocalDate end = start.plusWeeks(weeks);
			boolean ongoing = t == trials - 1 && !intolerant && random.nextBoolean();
			TrialOutcome outcome = intolerant ? TrialOutcome.INTOLERANT
					: random.nextInt(100) < 70 ? TrialOutcome.NO_RESPONSE : TrialOutcome.PARTIAL_RESPONSE;
			registry.recordAntidepressantTrial(id, drug.drug(), drug.drugClass(), BigDecimal.valueOf(drug.dailyDoseMg()), start,
					ongoing || end.isAfter(today) ? null : end, random.nextInt(100) < 88, outcome, t >= trials - 3);
			if (ongoing) {
				registry.recordMedication(id, drug.drug(), MedicationClass.ANTIDEPRESSANT, drug.dailyDoseMg() + " mg daily",
						start, null);
			}
			start = end.plusWeeks(1 + random.nextInt(6));
		}
		int others = random.nextInt(3);
		for (int m = 0; m < others; m++) {
			Drug drug = OTHER_DRUGS.get(random.nextInt(OTHER_DRUGS.size()));
			registry.recordMedication(id, drug.name(), drug.medicationClass(), drug.dose(), today.minusMonths(1 + random.nextInt(30)),
					null);
		}
		findings(random, id, index, bipolar);
	}

	private void findings(Random random, UUID id, int index, boolean bipolar) {
		if (bipolar) {
			registry.recordHistoryFinding(id, HistoryFindingCode.MANIA_HISTORY, FindingStatus.PAST,
					"Hypomanic episode, stable on mood stabiliser");
		}
		switch (index % 11) {
			case 2 -> registry.recordHistoryFinding(id, HistoryFindingCode.UNCONTROLLED_HYPERTENSION, FindingStatus.ACTIVE,
					"Home readings around 165/100; referred to primary care");
			case 4 -> registry.recordHistoryFinding(id, HistoryFindingCode.PSYCHOSIS_HISTORY, FindingStatus.PAST,
					"Single brief psychotic episode years ago");
			case 6 -> registry.recordHistoryFinding(id, HistoryFindingCode.SUBSTANCE_USE_DISORDER_ACTIVE, FindingStatus.ACTIVE,
					"Alcohol use disorder, early remission; attends weekly support group");
			case 8 -> registry.recordHistoryFinding(id, HistoryFindingCode.GLAUCOMA, FindingStatus.ACTIVE, null);
			case 10 -> registry.recordHistoryFinding(id, HistoryFindingCode.ANEURYSMAL_VASCULAR_DISEASE, FindingStatus.ACTIVE,
					"Small abdominal aortic aneurysm under surveillance");
			default -> {
				if (random.nextInt(100) < 8) {
					registry.recordHistoryFinding(id, HistoryFindingCode.HYPERTHYROIDISM_UNCONTROLLED, FindingStatus.PAST, null);
				}
			}
		}
	}

	private static BigDecimal decimal(double value) {
		return BigDecimal.valueOf(value).setScale(1, RoundingMode.HALF_UP);
	}

	private static String pick(Random random, String[] values) {
		return values[random.nextInt(values.length)];
	}
}
