package org.ketamineclinic.demo;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

@ConfigurationProperties("clinic.demo")
record DemoSettings(@DefaultValue("false") boolean enabled, @DefaultValue("ketamine-demo") String password,
		@DefaultValue("40") int patients, @DefaultValue("20261120") long seed) {
}
