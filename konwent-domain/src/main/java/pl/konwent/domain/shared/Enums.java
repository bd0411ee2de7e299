package pl.konwent.domain.shared;

import java.util.Arrays;
import java.util.stream.Collectors;

/** Parses the UPPER_SNAKE names clients send into enum constants, with an error that lists the choices. */
public final class Enums {
    private Enums() {
    }

    public static <E extends Enum<E>> E parse(Class<E> type, String raw) {
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equals(raw)) {
                return constant;
            }
        }
        throw new InvalidValue("must be one of " + Arrays.stream(type.getEnumConstants())
                .map(Enum::name).collect(Collectors.joining(", ")));
    }
}
