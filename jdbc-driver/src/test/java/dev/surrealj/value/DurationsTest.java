package dev.surrealj.value;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.surrealj.cbor.RandomValues;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class DurationsTest {
  private static final Duration ALL_UNITS = Duration.ofDays(365 + 14 + 3).plusHours(4).plusMinutes(5)
      .plusSeconds(6).plusMillis(7).plusNanos(8_009);

  @Test
  void parse() {
    assertEquals(Duration.ofMinutes(90), Durations.parse("1h30m"));
    assertEquals(Duration.ofMinutes(90), Durations.parse("90m"));
    assertEquals(ALL_UNITS, Durations.parse("1y2w3d4h5m6s7ms8us9ns"));
    assertEquals(Duration.ofNanos(3_000), Durations.parse("3µs"));
    assertEquals(Duration.ofSeconds(61), Durations.parse("1s1m"), "units in any order add up");
    assertEquals(Duration.ZERO, Durations.parse("0ns"));
  }

  @Test
  void format() {
    assertEquals("1h30m", Durations.format(Duration.ofMinutes(90)));
    assertEquals("1y2w3d4h5m6s7ms8us9ns", Durations.format(ALL_UNITS));
    assertEquals("1w2d", Durations.format(Duration.ofDays(9)));
    assertEquals("0ns", Durations.format(Duration.ZERO));
    assertEquals("1ms500us", Durations.format(Duration.ofNanos(1_500_000)));
    assertThrows(IllegalArgumentException.class, () -> Durations.format(Duration.ofSeconds(-1)));
  }

  @Test
  void rejectsMalformedText() {
    for (String bad : List.of("", "h", "1", "1x", "1mo", "1h30", "-1s", "1.5s", "1 s", "1u", "1n",
        "99999999999999999999y", "9223372036854775807y")) {
      assertThrows(IllegalArgumentException.class, () -> Durations.parse(bad), bad);
    }
  }

  @Test
  void roundTrip() {
    RandomValues rv = new RandomValues(5);
    for (int i = 0; i < 50_000; i++) {
      Duration d = rv.duration();
      assertEquals(d, Durations.parse(Durations.format(d)), d::toString);
    }
  }
}
