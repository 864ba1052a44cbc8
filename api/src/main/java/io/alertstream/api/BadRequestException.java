package io.alertstream.api;

/** Input the API refuses with a 4xx; the message says what is wrong. */
final class BadRequestException extends Exception {

  private final int status;

  BadRequestException(String message) {
    this(400, message);
  }

  BadRequestException(int status, String message) {
    super(message);
    this.status = status;
  }

  int status() {
    return status;
  }
}
