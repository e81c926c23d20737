package org.ketamineclinic.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import org.ketamineclinic.protocol.pk.PkRequest;
import org.ketamineclinic.protocol.pk.PkRequest.Dose;
import org.ketamineclinic.protocol.pk.PkResult;
import org.ketamineclinic.protocol.pk.PkSimulator;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The PK simulator on a virtual population (issue 5, acceptance item 7): one operation simulates
 * {@value #PATIENTS} patients, each a 4-hour curve at 1-minute steps (241 points), through the
 * public {@code PkSimulator.simulate(PkRequest)}. That is what {@code POST /api/v1/pk/simulate}
 * does per request minus JSON, so validation, the plan, one matrix exponential per distinct interval
 * and the result list are all in the measured time.
 * <p>
 * The patients are drawn once per trial with a fixed seed, so every run and every scenario sees
 * the same population: weight uniform 45-140 kg (one decimal), age 18-84 in whole years, ancestry
 * 70 % unstated, 15 % Asian, 5 % Japanese, 10 % other. Weight drives the racemic models (volume
 * and clearance), age over 60 and ancestry drive Perez-Ruixo, which ignores weight.
 * <p>
 * The sum of Cmax and AUC over all curves goes to the Blackhole, so no simulation can be dropped as
 * dead code. {@code tenThousandCurves} runs on one thread (the number the target is about);
 * {@code tenThousandCurvesAllCores} splits the same work over every core. bench/pk.sh runs both
 * in average-time mode, milliseconds per 10,000 curves.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class PkBenchmark {

	static final int PATIENTS = 10_000;

	static final double UNTIL_MINUTE = 240;

	static final double STEP_MINUTES = 1;

	/** A model with its regimen; the racemic ones get 0.5 mg/kg IV over 40 minutes. */
	public enum Scenario {
		FANTA_2015_IV,
		DOMINO_1984_IV,
		/** Two 28 mg devices, 5 minutes apart. */
		PEREZ_RUIXO_2021_56MG,
		/** Three 28 mg devices. */
		PEREZ_RUIXO_2021_84MG;

		PkRequest request(double weightKg, double ageYears, String ancestry) {
			return switch (this) {
				case FANTA_2015_IV -> infusion("FANTA_2015", weightKg, ageYears, ancestry);
				case DOMINO_1984_IV -> infusion("DOMINO_1984", weightKg, ageYears, ancestry);
				case PEREZ_RUIXO_2021_56MG -> nasal(2, weightKg, ageYears, ancestry);
				case PEREZ_RUIXO_2021_84MG -> nasal(3, weightKg, ageYears, ancestry);
			};
		}

		private static PkRequest infusion(String model, double weightKg, double ageYears, String ancestry) {
			return new PkRequest(model, weightKg, ageYears, ancestry, List.of(Dose.infusion(0.5 * weightKg, 0, 40)),
					UNTIL_MINUTE, STEP_MINUTES);
		}

		private static PkRequest nasal(int devices, double weightKg, double ageYears, String ancestry) {
			return new PkRequest("PEREZ_RUIXO_2021", weightKg, ageYears, ancestry, List.of(Dose.intranasal(devices, 0)),
					UNTIL_MINUTE, STEP_MINUTES);
		}
	}

	@Param
	public Scenario scenario;

	private final PkSimulator simulator = new PkSimulator();

	private List<PkRequest> patients;

	@Setup(Level.Trial)
	public void setUp() {
		// One seed for every scenario: the same 10,000 people, only the model and regimen change.
		Random random = new Random(20261121L);
		patients = new ArrayList<>(PATIENTS);
		for (int i = 0; i < PATIENTS; i++) {
			double weight = 45 + 95 * random.nextDouble();
			double age = 18 + 67 * random.nextDouble();
			double a = random.nextDouble();
			String ancestry = a < 0.70 ? null : a < 0.85 ? "ASIAN" : a < 0.90 ? "JAPANESE" : "OTHER";
			patients.add(scenario.request(Math.round(weight * 10) / 10.0, Math.floor(age), ancestry));
		}
		// Fail in setup, not in the measured loop, if a request is ever rejected or malformed.
		PkResult first = simulator.simulate(patients.get(0));
		if (first.points().size() != (int) (UNTIL_MINUTE / STEP_MINUTES) + 1) {
			throw new IllegalStateException("expected 241 points, got " + first.points().size());
		}
	}

	@Benchmark
	public void tenThousandCurves(Blackhole blackhole) {
		double sum = 0;
		for (PkRequest patient : patients) {
			PkResult result = simulator.simulate(patient);
			sum += result.cmaxNgPerMl() + result.aucNgHourPerMl();
		}
		blackhole.consume(sum);
	}

	/**
	 * The same 10,000 curves spread over all cores with a parallel stream (the common fork-join
	 * pool plus the calling thread): what a population simulation could get on the 2-core target
	 * machine. The simulator keeps no state between requests, so the curves are independent.
	 */
	@Benchmark
	public void tenThousandCurvesAllCores(Blackhole blackhole) {
		blackhole.consume(patients.parallelStream().mapToDouble(patient -> {
			PkResult result = simulator.simulate(patient);
			return result.cmaxNgPerMl() + result.aucNgHourPerMl();
		}).sum());
	}
}
