package org.ketamineclinic.support;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** A real SMTP server on port 3025 for the shared test application; tests read what it received. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "clinic.test.mail-server", havingValue = "true")
public class TestMailServer {

	@Bean(initMethod = "start", destroyMethod = "stop")
	GreenMail greenMail() {
		return new GreenMail(ServerSetupTest.SMTP);
	}
}
