package org.ketamineclinic.identity.internal;

import java.util.Map;

import org.ketamineclinic.identity.CurrentUser;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AuthenticationEventPublisher;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.DefaultAuthenticationEventPublisher;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;

/**
 * Two doors: the JSON API, the FHIR API and actuator take bearer tokens and no cookies (so no CSRF); the web
 * pages take a form login with a session kept in the database, CSRF on every form.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityConfiguration {

	static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
			+ "img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; "
			+ "form-action 'self'; frame-ancestors 'none'";

	@Bean
	PasswordEncoder passwordEncoder() {
		// Argon2id for every new hash; the delegating form keeps older hashes readable if the default changes.
		return new DelegatingPasswordEncoder("argon2",
				Map.of("argon2", Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8()));
	}

	@Bean
	AuthenticationEventPublisher authenticationEventPublisher(ApplicationEventPublisher events) {
		return new DefaultAuthenticationEventPublisher(events);
	}

	@Bean
	AuthenticationManager authenticationManager(AccountDetailsService users, PasswordEncoder passwordEncoder,
			SecondFactor secondFactor, AuthenticationEventPublisher events) {
		ProviderManager manager = new ProviderManager(new TotpCheckingAuthenticationProvider(users, passwordEncoder, secondFactor));
		manager.setAuthenticationEventPublisher(events);
		return manager;
	}

	@Bean
	@Order(1)
	SecurityFilterChain api(HttpSecurity http, ApiTokenService tokens, ApplicationEventPublisher events,
			CurrentUser currentUser) throws Exception {
		var entryPoint = DeniedResponses.apiEntryPoint(events);
		http.securityMatcher("/api/**", "/actuator/**", "/fhir/**")
			.authorizeHttpRequests(requests -> requests
				.requestMatchers(HttpMethod.POST, "/api/v1/auth/token").permitAll()
				.requestMatchers("/actuator/health", "/actuator/health/**").permitAll()
				// The FHIR CapabilityStatement says what the server can do, and holds no patient data.
				.requestMatchers(HttpMethod.GET, "/fhir/metadata").permitAll()
				.requestMatchers("/actuator/**", "/api/v1/audit/**").hasRole("ADMIN")
				.anyRequest().authenticated())
			.csrf(csrf -> csrf.disable())
			.sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.requestCache(cache -> cache.disable())
			.formLogin(form -> form.disable())
			.httpBasic(basic -> basic.disable())
			.logout(logout -> logout.disable())
			.addFilterBefore(new BearerTokenFilter(tokens, entryPoint), BasicAuthenticationFilter.class)
			.exceptionHandling(errors -> errors.authenticationEntryPoint(entryPoint)
				.accessDeniedHandler(DeniedResponses.apiAccessDenied(events, currentUser)))
			.headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives("default-src 'none'; frame-ancestors 'none'")));
		return http.build();
	}

	/** The API documentation: public, no patient data; Swagger UI styles itself inline, so its pages allow that. */
	@Bean
	@Order(2)
	SecurityFilterChain apiDocumentation(HttpSecurity http) throws Exception {
		http.securityMatcher("/v3/api-docs/**", "/v3/api-docs", "/swagger-ui/**", "/swagger-ui.html")
			.authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
			.csrf(csrf -> csrf.disable())
			.sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(
					"default-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; frame-ancestors 'none'")));
		return http.build();
	}

	@Bean
	@Order(3)
	SecurityFilterChain web(HttpSecurity http, ApplicationEventPublisher events, CurrentUser currentUser,
			AccountAdministration administration, Environment environment, AuthenticationManager authenticationManager)
			throws Exception {
		boolean production = environment.acceptsProfiles(Profiles.of("prod"));
		// Named explicitly: left to itself the form login builds its own password-only provider,
		// which would skip the authenticator code.
		http.authenticationManager(authenticationManager)
			.authorizeHttpRequests(requests -> requests
				.requestMatchers("/login", "/css/**", "/js/**", "/webjars/**", "/favicon.ico", "/error").permitAll()
				.requestMatchers("/admin/**").hasRole("ADMIN")
				.anyRequest().authenticated())
			.formLogin(form -> form.loginPage("/login")
				.authenticationDetailsSource(new SignInDetails.FromLoginForm())
				.defaultSuccessUrl("/", true)
				.failureUrl("/login?error")
				.permitAll())
			.logout(logout -> logout.logoutSuccessUrl("/login?logout"))
			.sessionManagement(sessions -> sessions.sessionFixation(fixation -> fixation.changeSessionId()))
			.addFilterAfter(new MfaEnrolmentFilter(currentUser, administration), AuthorizationFilter.class)
			.exceptionHandling(errors -> errors.authenticationEntryPoint(DeniedResponses.webEntryPoint(events))
				.accessDeniedHandler(DeniedResponses.webAccessDenied(events, currentUser)))
			.headers(headers -> {
				headers.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
					.frameOptions(frame -> frame.deny())
					.referrerPolicy(referrer -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN));
				if (production) {
					headers.httpStrictTransportSecurity(hsts -> hsts.includeSubDomains(true).maxAgeInSeconds(31_536_000));
				}
				else {
					headers.httpStrictTransportSecurity(hsts -> hsts.disable());
				}
			});
		return http.build();
	}

}
