package org.ketamineclinic.protocol.pk;

import java.util.List;

/**
 * A simulated venous (or, for Domino, arterial) plasma curve. Cmax and Tmax are taken over the
 * output grid and every dosing event (so the end of an infusion is never missed); the AUC from 0
 * to untilMinute is integrated exactly.
 */
public record PkResult(PkModel model, String label, List<Point> points, double cmaxNgPerMl, double tmaxMinute,
		double aucNgHourPerMl) {

	public record Point(double minute, double concentrationNgPerMl) {
	}
}
