package dev.scimsync.input;

import java.util.List;
import java.util.stream.IntStream;

/** Test data: every code point that may not stand in an identity key, of each class the rules name. */
public final class InvisibleCharacters {

    private static final List<Integer> FORBIDDEN = IntStream.rangeClosed(0, 0x10FFFF)
            .filter(c -> switch (Character.getType(c)) {
                case Character.CONTROL, Character.FORMAT, Character.SPACE_SEPARATOR, Character.LINE_SEPARATOR,
                     Character.PARAGRAPH_SEPARATOR -> c != ' ';
                default -> false;
            })
            .boxed().toList();

    private InvisibleCharacters() {
    }

    /** Control characters, format characters (Cf) and every separator but the ASCII space. */
    public static List<Integer> forbidden() {
        return FORBIDDEN;
    }
}
