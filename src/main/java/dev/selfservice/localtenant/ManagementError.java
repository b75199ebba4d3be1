package dev.selfservice.localtenant;

/** A Management API refusal, answered in Auth0's envelope {@code {"statusCode","error","message","errorCode"}}. */
final class ManagementError extends RuntimeException {

    final int status;
    final String errorCode;

    ManagementError(int status, String message, String errorCode) {
        super(message, null, false, false);
        this.status = status;
        this.errorCode = errorCode;
    }

    static ManagementError notFound() {
        return new ManagementError(404, "The user does not exist.", "inexistent_user");
    }

    static ManagementError badRequest(String message, String errorCode) {
        return new ManagementError(400, message, errorCode);
    }

    String reason() {
        return switch (status) {
            case 400 -> "Bad Request";
            case 401 -> "Unauthorized";
            case 403 -> "Forbidden";
            case 404 -> "Not Found";
            case 409 -> "Conflict";
            case 429 -> "Too Many Requests";
            case 503 -> "Service Unavailable";
            default -> status >= 500 ? "Internal Server Error" : "Error";
        };
    }
}
