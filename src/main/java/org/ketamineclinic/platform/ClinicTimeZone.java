package org.ketamineclinic.platform;

import java.time.ZoneId;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** The clinic's wall-clock zone: "today", day boundaries in searches, and times shown to people. */
@ConfigurationProperties("clinic")
public record ClinicTimeZone(@DefaultValue("America/New_York") ZoneId timeZone) {

	public ZoneId zone() {
		return timeZone;
	}
}
