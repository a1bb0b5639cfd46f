package io.fld.cli;

/** Entry point of the {@code fld} command. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    System.out.println("fld");
  }
}
