package io.alertstream.local;

import java.io.IOException;
import java.net.ServerSocket;

/**
 * Ports free on this machine now, for stacks, instances and brokers started by tests and
 * benchmarks.
 */
public final class FreePorts {

  private FreePorts() {}

  /** Ports free now and different from each other: all sockets are held until all are chosen. */
  public static int[] distinct(int count) throws IOException {
    ServerSocket[] sockets = new ServerSocket[count];
    try {
      int[] ports = new int[count];
      for (int i = 0; i < count; i++) {
        sockets[i] = new ServerSocket(0);
        ports[i] = sockets[i].getLocalPort();
      }
      return ports;
    } finally {
      for (ServerSocket socket : sockets) {
        if (socket != null) {
          socket.close();
        }
      }
    }
  }

  public static int one() throws IOException {
    return distinct(1)[0];
  }
}
