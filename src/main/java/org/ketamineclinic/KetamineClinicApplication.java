package org.ketamineclinic;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class KetamineClinicApplication {

	public static void main(String[] args) {
		SpringApplication.run(KetamineClinicApplication.class, args);
	}
}
