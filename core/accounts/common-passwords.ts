/**
 * Passwords of ten characters or more that top the public breach-frequency lists. Shorter ones
 * are refused by the length rule already. Lower-case: the check folds case.
 */
export const COMMON_PASSWORDS: ReadonlySet<string> = new Set([
  "1234567890", "0123456789", "12345678910", "123456789a", "1234567890a", "qwertyuiop",
  "1q2w3e4r5t", "1qaz2wsx3edc", "qwerty1234", "qwerty12345", "qwertyuiop1", "asdfghjkl1",
  "password12", "password123", "password1234", "password!1", "passw0rd123", "p@ssw0rd123",
  "iloveyou12", "iloveyou123", "1111111111", "0000000000", "9876543210", "abcdefghij",
  "abcd123456", "abc1234567", "a123456789", "zaq12wsxcde", "zxcvbnm123", "qazwsxedc1",
  "1q2w3e4r5t6y", "q1w2e3r4t5", "q1w2e3r4t5y6", "letmein123", "welcome123", "welcome1234",
  "administrator", "admin12345", "admin123456", "changeme123", "football123", "baseball123",
  "superman123", "princess123", "sunshine123", "monkey1234", "dragon1234", "starwars123",
  "trustno1234", "whatever123", "computer123", "internet123", "qwerty123456", "123qweasdzxc",
  "1234qwerasdf", "123456qwerty", "qwe123qwe123", "1qazxsw23edc", "password2024", "password2025",
  "password2026", "summer2024!", "summer2025!", "winter2025!", "spring2026!", "autumn2026!",
  "caucus12345", "caucuspassword", "humanrights", "humanrights1", "humanrights123", "unitednations",
  "geneva12345", "passwordpassword", "loveyou1234", "michael1234", "jennifer123", "charlie123",
  "liverpool123", "chelsea1234", "arsenal1234", "barcelona10", "realmadrid7", "pokemon1234",
  "naruto12345", "minecraft123", "samsung1234", "iphone12345", "googlegoogle", "facebook123",
  "linkedin123", "mypassword1", "mypassword123", "secret12345", "secretpassword", "letmein1234",
]);
