package io.alertstream.connectors.jira;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.alertstream.connectors.delivery.AttemptResult;
import io.alertstream.connectors.delivery.Outbound;
import java.io.IOException;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Alertmanager's Jira flow for one notification: search the group's issue; none found and resolved,
 * done; none found and firing, create one; found, update it, then, when its status category
 * disagrees with the alerts, take the reopen or resolve transition by name.
 */
final class JiraConversation implements Outbound.Conversation {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** Jira issue keys ({@code OPS-12}); anything else in an answer is not put in a path. */
  private static final Pattern ISSUE_KEY = Pattern.compile("^[A-Za-z0-9][A-Za-z0-9_.-]*$");

  private final JiraApi api;
  private final Outbound.HttpCall search;
  private final boolean firing;
  private final String createBody;
  private final String updateBody;
  private final Optional<String> bodyProblem;
  private final String reopenTransition;
  private final String resolveTransition;

  /**
   * @param bodyProblem why the issue body cannot be sent (an invalid v3 description), if so: a
   *     failure once a body is needed
   */
  JiraConversation(
      JiraApi api,
      Outbound.HttpCall search,
      boolean firing,
      String createBody,
      String updateBody,
      Optional<String> bodyProblem,
      String reopenTransition,
      String resolveTransition) {
    this.api = api;
    this.search = search;
    this.firing = firing;
    this.createBody = createBody;
    this.updateBody = updateBody;
    this.bodyProblem = bodyProblem;
    this.reopenTransition = reopenTransition;
    this.resolveTransition = resolveTransition;
  }

  /** The first call: the search. */
  Outbound.HttpCall search() {
    return search;
  }

  /** The issue found: its key and status category key ({@code done}, ...), if any. */
  private record Found(String key, Optional<String> statusCategory) {}

  @Override
  public AttemptResult run(Outbound.Caller caller) {
    try {
      Step searched = step(caller, search, "search for the group's issue");
      if (!(searched.result() instanceof AttemptResult.Delivered)) {
        return searched.result();
      }
      Optional<Found> found = found(searched.answer().body());
      if (found.isEmpty() && !firing) {
        return searched.result();
      }
      if (bodyProblem.isPresent()) {
        return new AttemptResult.Failed(bodyProblem.get());
      }
      if (found.isEmpty()) {
        return step(caller, api.call("POST", api.join("issue"), createBody), "create issue")
            .result();
      }
      String key = found.get().key();
      Step updated =
          step(caller, api.call("PUT", api.join("issue/" + key), updateBody), "update " + key);
      if (!(updated.result() instanceof AttemptResult.Delivered)) {
        return updated.result();
      }
      return transition(caller, found.get(), updated.result());
    } catch (Outbound.NoAnswer e) {
      return e.result();
    } catch (UnreadableAnswer e) {
      return new AttemptResult.Failed(e.getMessage());
    }
  }

  private AttemptResult transition(Outbound.Caller caller, Found issue, AttemptResult updated)
      throws Outbound.NoAnswer, UnreadableAnswer {
    if (issue.statusCategory().isEmpty()) {
      return updated;
    }
    boolean done = issue.statusCategory().get().equals("done");
    String name = firing ? reopenTransition : resolveTransition;
    if (firing != done || name.isEmpty()) {
      return updated;
    }
    String path = "issue/" + issue.key() + "/transitions";
    Step listed = step(caller, api.call("GET", api.join(path), null), "list transitions");
    if (!(listed.result() instanceof AttemptResult.Delivered)) {
      return listed.result();
    }
    String id = null;
    for (JsonNode t : read(listed.answer().body(), "transitions").path("transitions")) {
      if (t.path("name").asText("").equals(name)) {
        id = t.path("id").asText("");
        break;
      }
    }
    if (id == null) {
      return new AttemptResult.Failed(
          "can't find transition " + name + " for issue " + issue.key());
    }
    String body = JiraNotifier.transition(id).toString();
    return step(caller, api.call("POST", api.join(path), body), "transition " + issue.key())
        .result();
  }

  /** The first issue of a search answer. */
  private static Optional<Found> found(String body) throws UnreadableAnswer {
    JsonNode issues = read(body, "search").path("issues");
    if (!issues.isArray() || issues.isEmpty()) {
      return Optional.empty();
    }
    JsonNode first = issues.get(0);
    String key = first.path("key").asText("");
    if (!key.isEmpty() && !ISSUE_KEY.matcher(key).matches()) {
      throw new UnreadableAnswer("the search answered an issue key that is not one");
    }
    JsonNode status = first.path("fields").path("status");
    Optional<String> category =
        key.isEmpty() || !status.isObject()
            ? Optional.empty()
            : Optional.of(status.path("statusCategory").path("key").asText(""));
    return Optional.of(new Found(key, category));
  }

  private static JsonNode read(String body, String what) throws UnreadableAnswer {
    try {
      JsonNode node = JSON.readTree(body);
      if (node == null || !node.isObject()) {
        throw new UnreadableAnswer("the " + what + " answer is not a JSON object");
      }
      return node;
    } catch (IOException e) {
      throw new UnreadableAnswer("the " + what + " answer is not JSON");
    }
  }

  /** One call's answer and what it means, a failure's reason naming the step. */
  private record Step(Outbound.Answer answer, AttemptResult result) {}

  private static Step step(Outbound.Caller caller, Outbound.HttpCall call, String what)
      throws Outbound.NoAnswer {
    Outbound.Answer answer = caller.call(call);
    AttemptResult result = caller.outcome(call, answer);
    if (result instanceof AttemptResult.Retry retry) {
      result =
          new AttemptResult.Retry(what + ": " + retry.reason(), retry.retryAfter(), retry.status());
    } else if (result instanceof AttemptResult.Failed failed) {
      result = new AttemptResult.Failed(what + ": " + failed.reason(), failed.status());
    }
    return new Step(answer, result);
  }

  /** An answer that is not what the API documents. */
  private static final class UnreadableAnswer extends Exception {
    UnreadableAnswer(String message) {
      super(message);
    }
  }
}
