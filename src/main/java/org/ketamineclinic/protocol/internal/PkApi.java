package org.ketamineclinic.protocol.internal;

import java.util.List;

import org.ketamineclinic.protocol.pk.PkRequest;
import org.ketamineclinic.protocol.pk.PkResult;
import org.ketamineclinic.protocol.pk.PkSimulator;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/v1/pk/simulate} of api-contract.md: a plasma-concentration model estimate,
 * always labelled with the model's name and population. Stores nothing.
 */
@RestController
class PkApi {

	record PointView(double minute, double concentrationNgPerMl) {
	}

	record SimulationView(String model, String label, List<PointView> points, double cmaxNgPerMl, double tmaxMinute,
			double aucNgHourPerMl) {
	}

	private final PkSimulator simulator = new PkSimulator();

	@PostMapping("/api/v1/pk/simulate")
	@PreAuthorize("hasAnyRole('PHYSICIAN','NURSE')")
	public SimulationView simulate(@RequestBody PkRequest body) {
		PkResult result = simulator.simulate(body);
		return new SimulationView(result.model().name(), result.label(),
				result.points().stream().map(p -> new PointView(p.minute(), round(p.concentrationNgPerMl()))).toList(),
				round(result.cmaxNgPerMl()), result.tmaxMinute(), round(result.aucNgHourPerMl()));
	}

	private static double round(double value) {
		return Math.round(value * 1000) / 1000.0;
	}
}
