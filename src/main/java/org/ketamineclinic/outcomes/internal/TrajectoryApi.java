package org.ketamineclinic.outcomes.internal;

import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.ketamineclinic.outcomes.internal.RelapseAlertService.RelapseAlertView;
import org.ketamineclinic.outcomes.internal.TrajectoryService.Trajectory;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** A patient's trajectory and the relapse alerts. */
@RestController
class TrajectoryApi {

	record AcknowledgementBody(@Nullable String action) {
	}

	private final TrajectoryService trajectories;
	private final RelapseAlertService relapses;

	TrajectoryApi(TrajectoryService trajectories, RelapseAlertService relapses) {
		this.trajectories = trajectories;
		this.relapses = relapses;
	}

	@GetMapping("/api/v1/patients/{id}/trajectory")
	Trajectory trajectory(@PathVariable UUID id) {
		return trajectories.of(id);
	}

	@GetMapping("/api/v1/relapse-alerts")
	List<RelapseAlertView> open() {
		return relapses.open();
	}

	@GetMapping("/api/v1/relapse-alerts/{id}")
	RelapseAlertView alert(@PathVariable UUID id) {
		return relapses.get(id);
	}

	@PostMapping("/api/v1/relapse-alerts/{id}/acknowledgements")
	RelapseAlertView acknowledge(@PathVariable UUID id, @RequestBody AcknowledgementBody body) {
		return relapses.acknowledge(id, body.action());
	}
}
