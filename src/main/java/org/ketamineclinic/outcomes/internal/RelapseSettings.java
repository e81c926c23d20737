package org.ketamineclinic.outcomes.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The MADRS relapse rule of the esketamine maintenance trial (22 or more on two assessments 5 to
 * 15 days apart) and how soon the earlier maintenance session is suggested. The PHQ-9 relapse
 * levels and the MADRS remission cut-off stay the assessment module's clinic.assessment settings.
 */
@ConfigurationProperties("clinic.outcomes.relapse")
record RelapseSettings(@DefaultValue("22") int madrsAtOrAbove, @DefaultValue("5") int madrsMinDaysApart,
		@DefaultValue("15") int madrsMaxDaysApart, @DefaultValue("7") int suggestWithinDays) {
}
