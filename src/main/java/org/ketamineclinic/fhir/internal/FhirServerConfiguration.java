package org.ketamineclinic.fhir.internal;

import java.util.ArrayList;
import java.util.List;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.api.EncodingEnum;
import ca.uhn.fhir.rest.server.FifoMemoryPagingProvider;
import ca.uhn.fhir.rest.server.IResourceProvider;
import ca.uhn.fhir.rest.server.IncomingRequestAddressStrategy;
import ca.uhn.fhir.rest.server.RestfulServer;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * HAPI's RestfulServer at /fhir, wired by hand (HAPI's Spring Boot starter is built for Boot 3).
 * Every {@link IResourceProvider} bean and every {@link FhirOperations} bean of this module is
 * registered, so a new resource type or operation is one more bean.
 */
@Configuration(proxyBeanMethods = false)
class FhirServerConfiguration {

	/** Search pages: 20 by default, never more than 500 per page whatever `_count` asks. */
	static final int DEFAULT_PAGE_SIZE = 20;
	static final int MAXIMUM_PAGE_SIZE = 500;

	@Bean
	FhirContext fhirContext() {
		return FhirContext.forR4Cached();
	}

	@Bean
	ServletRegistrationBean<RestfulServer> fhirServlet(FhirContext context, List<IResourceProvider> resourceProviders,
			org.springframework.beans.factory.ObjectProvider<FhirOperations> operations) {
		RestfulServer server = new RestfulServer(context);
		server.setResourceProviders(new ArrayList<>(resourceProviders));
		server.registerProviders(new ArrayList<Object>(operations.orderedStream().toList()));
		server.setDefaultResponseEncoding(EncodingEnum.JSON);
		server.setDefaultPrettyPrint(false);
		server.setServerAddressStrategy(new IncomingRequestAddressStrategy());
		FifoMemoryPagingProvider paging = new FifoMemoryPagingProvider(200);
		paging.setDefaultPageSize(DEFAULT_PAGE_SIZE);
		paging.setMaximumPageSize(MAXIMUM_PAGE_SIZE);
		server.setPagingProvider(paging);
		server.registerInterceptor(new FhirCapabilities());
		server.setImplementationDescription("Ketamine Clinic FHIR R4 API (US Core 6.1.0)");
		ServletRegistrationBean<RestfulServer> registration = new ServletRegistrationBean<>(server, "/fhir/*");
		registration.setName("fhir");
		registration.setLoadOnStartup(1);
		return registration;
	}
}
