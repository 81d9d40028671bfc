package dev.scimsync.input;

/** Turns Commons CSV parse errors into reasons a person fixing the file can act on. */
final class CsvErrors {

    private CsvErrors() {
    }

    static String describe(String parserMessage) {
        String message = parserMessage == null ? "" : parserMessage;
        if (message.contains("EOF reached before encapsulated token finished")) {
            return "a quoted field starting on this line is never closed (missing \")";
        }
        if (message.contains("Invalid character between encapsulated token and delimiter")) {
            return "unexpected text after a closing quote (quote the whole field and double any \" inside it)";
        }
        return "not a valid CSV file: " + message;
    }
}
