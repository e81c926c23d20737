package org.ketamineclinic.identity.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.ketamineclinic.platform.Sha256;
import org.ketamineclinic.platform.NotFound;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Issues, checks and revokes API bearer tokens. */
@Service
class ApiTokenService {

	record IssuedToken(String token, Instant expiresAt) {
	}

	record TokenView(UUID id, String label, Instant createdAt, Instant expiresAt, @Nullable Instant revokedAt,
			@Nullable Instant lastUsedAt, boolean active) {
	}

	private final AuthenticationManager authenticationManager;
	private final ApiTokens tokens;
	private final UserAccounts accounts;
	private final SecuritySettings settings;
	private final Clock clock;

	ApiTokenService(AuthenticationManager authenticationManager, ApiTokens tokens, UserAccounts accounts,
			SecuritySettings settings, Clock clock) {
		this.authenticationManager = authenticationManager;
		this.tokens = tokens;
		this.accounts = accounts;
		this.settings = settings;
		this.clock = clock;
	}

	/** Same checks as the sign-in form: password, lockout and, when enrolled, the authenticator code. */
	@Transactional
	public IssuedToken issue(String username, String password, @Nullable String totp, @Nullable String clientAddress) {
		UsernamePasswordAuthenticationToken request = UsernamePasswordAuthenticationToken.unauthenticated(username, password);
		request.setDetails(new SignInDetails(totp, clientAddress, "API"));
		Authentication authenticated = authenticationManager.authenticate(request);
		AccountDetails details = (AccountDetails) authenticated.getPrincipal();
		if (settings.mfaRequiredFor(details.clinicUser().role()) && !details.hasTotp()) {
			throw new AccessDeniedException("Enrol multi-factor sign-in in the web settings before requesting API tokens");
		}
		UserAccount account = accounts.findById(details.clinicUser().userId()).orElseThrow();
		String token = MessageDigests.randomToken(32);
		Instant now = clock.instant();
		Instant expiresAt = now.plus(settings.tokenLifetime());
		tokens.save(new ApiToken(account, Sha256.hex(token), "API sign-in", now, expiresAt));
		return new IssuedToken(token, expiresAt);
	}

	@Transactional
	public Optional<AccountDetails> authenticate(String token) {
		Instant now = clock.instant();
		return tokens.findByTokenHash(Sha256.hex(token))
			.filter(found -> found.isValidAt(now))
			.flatMap(found -> {
				found.markUsed(now);
				return accounts.findById(found.userId());
			})
			.map(account -> new AccountDetails(account, now))
			.filter(details -> details.isEnabled() && details.isAccountNonLocked());
	}

	@Transactional
	public void revoke(UUID userId, UUID tokenId) {
		ApiToken token = tokens.findById(tokenId).filter(found -> found.userId().equals(userId))
			.orElseThrow(() -> new NotFound("API token", tokenId));
		token.revoke(clock.instant());
	}

	@Transactional
	public void revokeByValue(String token) {
		tokens.findByTokenHash(Sha256.hex(token)).ifPresent(found -> found.revoke(clock.instant()));
	}

	@Transactional(readOnly = true)
	public List<TokenView> list(UUID userId) {
		Instant now = clock.instant();
		return tokens.findByUserIdOrderByCreatedAtDesc(userId).stream()
			.map(token -> new TokenView(token.id(), token.label(), token.createdAt(), token.expiresAt(), token.revokedAt(),
					token.lastUsedAt(), token.isValidAt(now)))
			.toList();
	}
}
