package io.strongroom.core.password;

import java.util.random.RandomGenerator;

/**
 * Draws a password from a {@link PasswordRecipe}. The randomness is handed in (a SecureRandom in the
 * gateway), so the rule stays pure and testable.
 *
 * <p>One character of each required class is placed at a distinct random position and every other
 * position is drawn uniformly from the whole pool; {@code nextInt(bound)} is unbiased, so no
 * character is favoured.
 */
public final class PasswordGenerator {
    private final RandomGenerator random;

    public PasswordGenerator(RandomGenerator random) {
        this.random = random;
    }

    public String generate(PasswordRecipe recipe) {
        char[] password = new char[recipe.length()];
        for (int i = 0; i < password.length; i++) {
            password[i] = pick(recipe.pool());
        }
        int[] positions = shuffledPositions(password.length);
        for (int i = 0; i < recipe.required().size(); i++) {
            password[positions[i]] = pick(recipe.required().get(i));
        }
        return new String(password);
    }

    private char pick(String characters) {
        return characters.charAt(random.nextInt(characters.length()));
    }

    /** A uniformly random permutation of 0..n-1 (Fisher–Yates). */
    private int[] shuffledPositions(int n) {
        int[] positions = new int[n];
        for (int i = 0; i < n; i++) {
            positions[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int swap = positions[i];
            positions[i] = positions[j];
            positions[j] = swap;
        }
        return positions;
    }
}
