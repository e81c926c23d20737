package org.ketamineclinic.demo;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.ketamineclinic.evaluation.RemsRegistry;
import org.ketamineclinic.identity.Accounts;
import org.ketamineclinic.identity.Accounts.NewAccount;
import org.ketamineclinic.identity.ClinicId;
import org.ketamineclinic.identity.Role;
import org.ketamineclinic.identity.RunAs;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Seeds "Demo Ketamine Clinic" on the first start: one account per staff role, three patient
 * accounts, synthetic patients, and the clinic's esketamine REMS healthcare-setting certification. Seeding goes through the same checked and audited use cases
 * as people do, acting as the system actor {@value #SEED_ACTOR}.
 */
@Component
@Order(0)
@ConditionalOnProperty(name = "clinic.demo.enabled", havingValue = "true")
class DemoClinic implements ApplicationRunner {

	static final String NAME = "Demo Ketamine Clinic";
	static final String SEED_ACTOR = "demo-seed";
	static final int PATIENT_ACCOUNTS = 3;
	static final RemsRegistry.Certification REMS_CERTIFICATION = new RemsRegistry.Certification("DEMO-REMS-000001",
			"Dr. Priya Raman", LocalDate.of(2026, 1, 5), NAME, "100 Example Way, Suite 200, Springfield, IL 62701", "+1 555 010 0100");

	private static final Logger log = LoggerFactory.getLogger(DemoClinic.class);

	private final Accounts accounts;
	private final SyntheticPatients synthetic;
	private final DemoSettings settings;
	private final RemsRegistry rems;

	DemoClinic(Accounts accounts, SyntheticPatients synthetic, DemoSettings settings, RemsRegistry rems) {
		this.accounts = accounts;
		this.synthetic = synthetic;
		this.settings = settings;
		this.rems = rems;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (accounts.clinicExists(NAME)) {
			return;
		}
		long started = System.nanoTime();
		ClinicId clinic = accounts.createClinic(NAME);
		rems.certifySetting(clinic, REMS_CERTIFICATION, SEED_ACTOR);
		UUID physician = null;
		for (NewAccount staff : List.of(
				new NewAccount("admin", "Alex Admin", Role.ADMIN, null, settings.password()),
				new NewAccount("physician", "Dr. Priya Raman", Role.PHYSICIAN, null, settings.password()),
				new NewAccount("nurse", "Nina Okafor, RN", Role.NURSE, null, settings.password()),
				new NewAccount("therapist", "Theo Lindqvist, LCSW", Role.THERAPIST, null, settings.password()),
				new NewAccount("frontdesk", "Fran Delgado", Role.FRONT_DESK, null, settings.password()))) {
			UUID id = accounts.createAccount(clinic, staff, SEED_ACTOR);
			accounts.setEmail(id, staff.username() + "@demo-clinic.example");
			if (staff.role() == Role.PHYSICIAN) {
				physician = id;
			}
		}
		UUID responsiblePhysician = physician;
		List<SyntheticPatients.Seeded> patients = RunAs.systemActor(clinic, SEED_ACTOR, Role.PHYSICIAN,
				() -> synthetic.seed(settings.patients(), settings.seed(), responsiblePhysician));
		for (int i = 0; i < Math.min(PATIENT_ACCOUNTS, patients.size()); i++) {
			SyntheticPatients.Seeded patient = patients.get(i);
			UUID id = patient.id();
			accounts.createAccount(clinic, new NewAccount("patient" + (i + 1), patient.displayName(), Role.PATIENT, id,
					settings.password()), SEED_ACTOR);
		}
		log.info("Seeded the demo clinic with {} patients in {} ms", patients.size(), (System.nanoTime() - started) / 1_000_000);
	}
}
