package io.alertstream.connectors.sns;

import io.alertstream.config.receivers.sns.SnsConfig;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.profiles.ProfileFile;
import software.amazon.awssdk.regions.providers.AwsProfileRegionProvider;
import software.amazon.awssdk.regions.providers.AwsRegionProviderChain;
import software.amazon.awssdk.regions.providers.SystemSettingsRegionProvider;

/**
 * Where the signing region and credentials of an SNS config come from: its own {@code sigv4}
 * settings, else the AWS SDK's (system properties, environment, the profile file; credentials also
 * from container and instance metadata). The SDK's providers are kept per profile, so that their
 * caches last.
 */
class AwsAccess {

  private final Map<String, AwsCredentialsProvider> chains = new ConcurrentHashMap<>();
  private final Map<String, Optional<String>> regions = new ConcurrentHashMap<>();

  /** The configured region, else the SDK's for the profile; empty when there is none. */
  Optional<String> region(SnsConfig.Sigv4 sigv4) {
    if (!sigv4.region().isEmpty()) {
      return Optional.of(sigv4.region());
    }
    return regions.computeIfAbsent(sigv4.profile(), AwsAccess::sdkRegion);
  }

  /**
   * The configured keys, else the SDK's default chain for the profile.
   *
   * @throws SdkException when the chain finds none
   */
  AwsCredentialsIdentity credentials(SnsConfig.Sigv4 sigv4) {
    if (!sigv4.accessKey().isEmpty()) {
      return AwsCredentialsIdentity.create(sigv4.accessKey(), sigv4.secretKey().value());
    }
    return chains
        .computeIfAbsent(
            sigv4.profile(),
            profile ->
                profile.isEmpty()
                    ? DefaultCredentialsProvider.builder().build()
                    : DefaultCredentialsProvider.builder().profileName(profile).build())
        .resolveCredentials();
  }

  private static Optional<String> sdkRegion(String profile) {
    try {
      AwsRegionProviderChain chain =
          new AwsRegionProviderChain(
              new SystemSettingsRegionProvider(),
              new AwsProfileRegionProvider(
                  ProfileFile::defaultProfileFile, profile.isEmpty() ? null : profile));
      return Optional.of(chain.getRegion().id());
    } catch (SdkException | IllegalStateException e) {
      return Optional.empty();
    }
  }
}
