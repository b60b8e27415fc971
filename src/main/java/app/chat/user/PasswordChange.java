package app.chat.user;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * Body of {@code PUT /api/users/me/password}; the new password follows sign-up's rules. A class, not
 * a record, for the reason {@link Registration} gives.
 */
public final class PasswordChange {

    @NotNull(message = "currentPassword is required")
    private String currentPassword;

    @NotNull(message = "newPassword is required")
    @Size(min = 8, max = 128, message = "newPassword must be 8-128 characters")
    private String newPassword;

    public PasswordChange() {
    }

    public PasswordChange(String currentPassword, String newPassword) {
        this.currentPassword = currentPassword;
        this.newPassword = newPassword;
    }

    public void setCurrentPassword(String currentPassword) {
        this.currentPassword = currentPassword;
    }

    public void setNewPassword(String newPassword) {
        this.newPassword = newPassword;
    }

    public String currentPassword() {
        return currentPassword;
    }

    public String newPassword() {
        return newPassword;
    }
}
