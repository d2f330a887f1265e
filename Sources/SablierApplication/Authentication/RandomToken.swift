/// A random token for the edges that need one of their own (the sign-in form's token, against
/// login CSRF), from the same generator as the secrets the application hands out.
public enum RandomToken {
    /// 32 random bytes from the system's generator, as URL-safe base64 without padding.
    public static func make() -> String { Secrets.random() }
}
