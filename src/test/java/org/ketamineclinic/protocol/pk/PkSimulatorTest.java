package org.ketamineclinic.protocol.pk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.ketamineclinic.platform.InvalidInput;
import org.ketamineclinic.protocol.pk.CompartmentSystem.Solution;
import org.ketamineclinic.protocol.pk.PkRequest.Dose;

/** The exact piecewise-constant solution of the section 9 models. */
class PkSimulatorTest {

	final PkSimulator simulator = new PkSimulator();

	static PkRequest request(String model, double weight, List<Dose> regimen, double until, double step) {
		return new PkRequest(model, weight, null, null, regimen, until, step);
	}

	@Test
	void fantaHalfMgPerKgOverFortyMinutesPeaksAtTheEndOfTheInfusion() {
		PkResult result = simulator.simulate(request("FANTA_2015", 70, List.of(Dose.infusion(35, 0, 40)), 240, 1));
		System.out.printf("Fanta 35 mg/40 min: Cmax %.2f ng/mL at %.1f min, AUC %.2f ng.h/mL%n", result.cmaxNgPerMl(),
				result.tmaxMinute(), result.aucNgHourPerMl());
		assertThat(result.tmaxMinute()).isEqualTo(40);
		assertThat(result.cmaxNgPerMl()).isBetween(100.0, 250.0);
		assertThat(result.label()).isEqualTo("Fanta et al. 2015, healthy volunteers, venous; model estimate");
		assertThat(result.points()).hasSize(241);
		assertThat(result.points().get(0).concentrationNgPerMl()).isZero();
	}

	@Test
	void perezRuixoTwoDevicesPeakWithinHalfAnHour() {
		PkResult result = simulator.simulate(request("PEREZ_RUIXO_2021", 70, List.of(Dose.intranasal(2, 0)), 240, 0.5));
		System.out.printf("Perez-Ruixo 56 mg: Cmax %.2f ng/mL at %.1f min, AUC %.2f ng.h/mL%n", result.cmaxNgPerMl(),
				result.tmaxMinute(), result.aucNgHourPerMl());
		// The model as specified peaks at 40.5 min after the first device, i.e. 35.5 min after the
		// second (given at minute 5), at about 72.6 ng/mL: Tmax 20-40 min counts from the last spray.
		assertThat(result.tmaxMinute() - 5).isBetween(20.0, 40.0);
		assertThat(result.cmaxNgPerMl()).isBetween(50.0, 150.0);
		assertThat(result.label()).startsWith("Perez-Ruixo et al. 2021");
	}

	@Test
	void dominoAndImGiveLabelledCurves() {
		PkResult domino = simulator.simulate(request("DOMINO_1984", 70, List.of(Dose.infusion(35, 0, 40)), 240, 1));
		PkResult fanta = simulator.simulate(request("FANTA_2015", 70, List.of(Dose.infusion(35, 0, 40)), 240, 1));
		System.out.printf("Domino 35 mg/40 min: Cmax %.2f ng/mL at %.1f min%n", domino.cmaxNgPerMl(), domino.tmaxMinute());
		assertThat(domino.cmaxNgPerMl()).isGreaterThan(fanta.cmaxNgPerMl());
		PkResult im = simulator.simulate(request("FANTA_2015", 70, List.of(Dose.im(50, 0)), 240, 1));
		System.out.printf("Fanta IM 50 mg: Cmax %.2f ng/mL at %.1f min%n", im.cmaxNgPerMl(), im.tmaxMinute());
		assertThat(im.tmaxMinute()).isBetween(10.0, 40.0);
	}

	@Test
	void concentrationsAreLinearInDose() {
		for (String model : List.of("FANTA_2015", "DOMINO_1984")) {
			PkResult single = simulator.simulate(request(model, 80, List.of(Dose.infusion(40, 5, 40), Dose.im(30, 60)), 300, 2));
			PkResult twice = simulator.simulate(request(model, 80, List.of(Dose.infusion(80, 5, 40), Dose.im(60, 60)), 300, 2));
			for (int i = 0; i < single.points().size(); i++) {
				assertThat(twice.points().get(i).concentrationNgPerMl())
					.isCloseTo(2 * single.points().get(i).concentrationNgPerMl(), within(1e-9));
			}
			assertThat(twice.aucNgHourPerMl()).isCloseTo(2 * single.aucNgHourPerMl(), within(1e-9));
		}
	}

	@Test
	void regimensSuperpose() {
		Dose infusion = Dose.infusion(35, 0, 40);
		Dose injection = Dose.im(50, 90);
		PkResult a = simulator.simulate(request("FANTA_2015", 70, List.of(infusion), 360, 1.5));
		PkResult b = simulator.simulate(request("FANTA_2015", 70, List.of(injection), 360, 1.5));
		PkResult both = simulator.simulate(request("FANTA_2015", 70, List.of(infusion, injection), 360, 1.5));
		for (int i = 0; i < both.points().size(); i++) {
			assertThat(both.points().get(i).concentrationNgPerMl()).isCloseTo(
					a.points().get(i).concentrationNgPerMl() + b.points().get(i).concentrationNgPerMl(), within(1e-9));
		}
		assertThat(both.aucNgHourPerMl()).isCloseTo(a.aucNgHourPerMl() + b.aucNgHourPerMl(), within(1e-9));
		PkResult n1 = simulator.simulate(request("PEREZ_RUIXO_2021", 70, List.of(Dose.intranasal(3, 0)), 600, 1));
		PkResult n2 = simulator.simulate(request("PEREZ_RUIXO_2021", 70, List.of(Dose.intranasal(2, 120)), 600, 1));
		PkResult n12 = simulator.simulate(
				request("PEREZ_RUIXO_2021", 70, List.of(Dose.intranasal(3, 0), Dose.intranasal(2, 120)), 600, 1));
		for (int i = 0; i < n12.points().size(); i++) {
			assertThat(n12.points().get(i).concentrationNgPerMl()).isCloseTo(
					n1.points().get(i).concentrationNgPerMl() + n2.points().get(i).concentrationNgPerMl(), within(1e-9));
		}
	}

	@Test
	void aLongInfusionApproachesRateOverClearance() {
		// 0.2 mg/min for 48 h in 70 kg: Css = R / CL = 0.2 mg/min / (95.2/60 L/min) = 126.05 ng/mL
		PkResult result = simulator.simulate(request("FANTA_2015", 70, List.of(Dose.infusion(576, 0, 2880)), 2880, 60));
		double css = 0.2 / (95.2 / 60) * 1000;
		List<PkResult.Point> points = result.points();
		double last = points.get(points.size() - 1).concentrationNgPerMl();
		System.out.printf("Fanta 0.2 mg/min: %.2f ng/mL at 24 h, %.2f at 48 h, Css %.2f%n",
				points.get(24).concentrationNgPerMl(), last, css);
		assertThat(last).isLessThan(css).isCloseTo(css, within(css * 0.01));
		assertThat(points.get(24).concentrationNgPerMl()).isLessThan(last);
		// weight scaling: CL x (w/70)^0.75
		PkResult heavy = simulator.simulate(request("FANTA_2015", 140, List.of(Dose.infusion(576, 0, 2880)), 2880, 60));
		double cssHeavy = 0.2 / (95.2 * Math.pow(2, 0.75) / 60) * 1000;
		assertThat(heavy.points().get(heavy.points().size() - 1).concentrationNgPerMl())
			.isCloseTo(cssHeavy, within(cssHeavy * 0.01));
	}

	@Test
	void exactSolutionMatchesAFineStepRungeKuttaReference() {
		List<PkRequest> cases = List.of(
				request("FANTA_2015", 70, List.of(Dose.infusion(35, 0, 40), Dose.im(50, 100)), 240, 5),
				request("DOMINO_1984", 90, List.of(Dose.infusion(45, 10, 40)), 240, 5),
				new PkRequest("PEREZ_RUIXO_2021", 70.0, 72.0, "JAPANESE", List.of(Dose.intranasal(3, 0)), 240.0, 5.0),
				request("PEREZ_RUIXO_2021", 70, List.of(Dose.intranasal(2, 0), Dose.intranasal(1, 60)), 240, 5));
		for (PkRequest c : cases) {
			PkSimulator.Plan plan = simulator.plan(c);
			Solution exact = plan.solve();
			double[] reference = rk4(plan, 0.001);
			for (int i = 0; i < exact.minutes().length; i++) {
				double ref = reference[(int) Math.round(exact.minutes()[i] / 0.001)];
				assertThat(exact.concentrations()[i]).as("%s at %s", c.model(), exact.minutes()[i])
					.isCloseTo(ref, within(Math.max(1e-6, Math.abs(ref) * 0.005)));
			}
		}
	}

	/** Reference only: classic RK4 on a 0.001-minute grid; inputs switch on grid points. */
	static double[] rk4(PkSimulator.Plan plan, double h) {
		CompartmentSystem system = plan.system();
		double[][] a = system.matrix();
		int n = a.length;
		int steps = (int) Math.round(plan.untilMinute() / h);
		double[] out = new double[steps + 1];
		double[] x = new double[n];
		for (int s = 0; s <= steps; s++) {
			double t = s * h;
			for (CompartmentSystem.Bolus b : plan.boluses()) {
				if (Math.abs(b.minute() - t) < h / 2) {
					x[b.compartment()] += b.amountMg();
				}
			}
			out[s] = system.concentration(x);
			double[] u = new double[n];
			for (CompartmentSystem.Rate r : plan.rates()) {
				if (r.startMinute() <= t + h / 2 && r.endMinute() >= t + h / 2) {
					u[r.compartment()] += r.mgPerMinute();
				}
			}
			double[] k1 = derivative(a, x, u);
			double[] k2 = derivative(a, add(x, k1, h / 2), u);
			double[] k3 = derivative(a, add(x, k2, h / 2), u);
			double[] k4 = derivative(a, add(x, k3, h), u);
			for (int i = 0; i < n; i++) {
				x[i] += h / 6 * (k1[i] + 2 * k2[i] + 2 * k3[i] + k4[i]);
			}
		}
		return out;
	}

	static double[] derivative(double[][] a, double[] x, double[] u) {
		double[] d = new double[x.length];
		for (int i = 0; i < x.length; i++) {
			d[i] = u[i];
			for (int j = 0; j < x.length; j++) {
				d[i] += a[i][j] * x[j];
			}
		}
		return d;
	}

	static double[] add(double[] x, double[] k, double f) {
		double[] y = new double[x.length];
		for (int i = 0; i < x.length; i++) {
			y[i] = x[i] + f * k[i];
		}
		return y;
	}

	@Test
	void amountsNeverGoNegative() {
		List<PkRequest> cases = List.of(
				request("FANTA_2015", 25, List.of(Dose.infusion(10, 0, 0.5), Dose.im(5, 2000)), 2880, 0.5),
				request("DOMINO_1984", 350, List.of(Dose.infusion(1000, 0, 1440)), 2880, 0.5),
				new PkRequest("PEREZ_RUIXO_2021", 70.0, 110.0, "ASIAN", List.of(Dose.intranasal(3, 0)), 2880.0, 0.5));
		for (PkRequest c : cases) {
			Solution solution = simulator.plan(c).solve();
			for (double[] amounts : solution.amounts()) {
				for (double amount : amounts) {
					assertThat(amount).isGreaterThanOrEqualTo(0);
				}
			}
		}
	}

	@Test
	void aucIsTheExactIntegralOfTheCurve() {
		PkResult result = simulator.simulate(request("FANTA_2015", 70, List.of(Dose.infusion(35, 0, 40)), 600, 0.5));
		double trapezoid = 0;
		List<PkResult.Point> p = result.points();
		for (int i = 1; i < p.size(); i++) {
			trapezoid += (p.get(i).minute() - p.get(i - 1).minute())
					* (p.get(i).concentrationNgPerMl() + p.get(i - 1).concentrationNgPerMl()) / 2;
		}
		assertThat(result.aucNgHourPerMl()).isCloseTo(trapezoid / 60, within(trapezoid / 60 * 0.001));
	}

	@Test
	void covariatesMoveThePerezRuixoCurveTheDocumentedWay() {
		PkResult base = simulator.simulate(request("PEREZ_RUIXO_2021", 70, List.of(Dose.intranasal(2, 0)), 480, 1));
		PkResult asian = simulator.simulate(new PkRequest("PEREZ_RUIXO_2021", 70.0, null, "ASIAN", List.of(Dose.intranasal(2, 0)), 480.0, 1.0));
		PkResult japanese = simulator.simulate(new PkRequest("PEREZ_RUIXO_2021", 70.0, null, "JAPANESE", List.of(Dose.intranasal(2, 0)), 480.0, 1.0));
		PkResult old = simulator.simulate(new PkRequest("PEREZ_RUIXO_2021", 70.0, 80.0, null, List.of(Dose.intranasal(2, 0)), 480.0, 1.0));
		PkResult heavy = simulator.simulate(request("PEREZ_RUIXO_2021", 140, List.of(Dose.intranasal(2, 0)), 480, 1));
		assertThat(asian.aucNgHourPerMl()).isGreaterThan(base.aucNgHourPerMl());
		assertThat(japanese.cmaxNgPerMl()).isGreaterThan(asian.cmaxNgPerMl());
		assertThat(old.aucNgHourPerMl()).isGreaterThan(base.aucNgHourPerMl());
		assertThat(heavy.cmaxNgPerMl()).isEqualTo(base.cmaxNgPerMl());
	}

	@Test
	void rejectsBadInputNamingTheField() {
		assertThatThrownBy(() -> simulator.simulate(request("FANTA_2015", 70, List.of(Dose.infusion(-5, 0, 40)), 240, 1)))
			.isInstanceOfSatisfying(InvalidInput.class,
					e -> assertThat(e.problems()).extracting(p -> p.field()).containsExactly("regimen[0].doseMg"));
		assertThatThrownBy(() -> simulator.simulate(request("FANTA_2015", 70, List.of(Dose.intranasal(2, 0)), 240, 1)))
			.isInstanceOfSatisfying(InvalidInput.class,
					e -> assertThat(e.problems()).extracting(p -> p.field()).containsExactly("regimen[0].route"));
		assertThatThrownBy(() -> simulator.simulate(request("PEREZ_RUIXO_2021", 70, List.of(Dose.im(50, 0)), 240, 1)))
			.isInstanceOfSatisfying(InvalidInput.class,
					e -> assertThat(e.problems()).extracting(p -> p.field()).containsExactly("regimen[0].route"));
		assertThatThrownBy(() -> simulator.simulate(request("PEREZ_RUIXO_2021", 70, List.of(Dose.intranasal(4, 0)), 240, 1)))
			.isInstanceOfSatisfying(InvalidInput.class,
					e -> assertThat(e.problems()).extracting(p -> p.field()).containsExactly("regimen[0].devices"));
		List<Dose> none = new ArrayList<>();
		assertThatThrownBy(() -> simulator.simulate(new PkRequest("NOPE", 20.0, -1.0, "MARTIAN", none, 3000.0, 0.1)))
			.isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.problems()).extracting(p -> p.field())
				.containsExactlyInAnyOrder("model", "weightKg", "ageYears", "ancestry", "untilMinute", "stepMinutes", "regimen"));
		assertThatThrownBy(() -> simulator.simulate(request("FANTA_2015", 70, List.of(Dose.infusion(800, 0, 40)), 240, 1)))
			.isInstanceOf(InvalidInput.class);
	}
}
