package io.alertstream.topology.alerts;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeader;

/**
 * Which POST an alert record came from, and how many records of that POST follow it: the header
 * {@value #HEADER} with the value {@code <post id>/<remaining>}. The API marks every record it
 * produces, so the topology knows when it has read a whole POST. Any producer may set it for the
 * same effect; records without it count as POSTs of their own.
 */
public record PostMark(String post, int remaining) {

  public static final String HEADER = "alertstream-post";

  public Header header() {
    return new RecordHeader(HEADER, (post + '/' + remaining).getBytes(StandardCharsets.UTF_8));
  }

  /** The mark in {@code headers}; empty when there is none or it is malformed. */
  public static Optional<PostMark> of(Headers headers) {
    Header header = headers.lastHeader(HEADER);
    if (header == null || header.value() == null) {
      return Optional.empty();
    }
    String value = new String(header.value(), StandardCharsets.UTF_8);
    int slash = value.lastIndexOf('/');
    if (slash <= 0) {
      return Optional.empty();
    }
    try {
      int remaining = Integer.parseInt(value.substring(slash + 1));
      return remaining < 0
          ? Optional.empty()
          : Optional.of(new PostMark(value.substring(0, slash), remaining));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }
}
