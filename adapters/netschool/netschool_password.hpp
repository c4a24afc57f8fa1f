#pragma once
#include <string>

// The password proof NetSchool's login form sends (docs/platforms/netschool.md §2.1 step 4).
namespace jb::netschool {

struct PasswordProof {
    std::string pw2;  // md5_hex(salt + md5_hex(windows-1251 bytes of the password))
    std::string pw;   // its first len(password) characters
};

// UTF-8 text → windows-1251 bytes; throws jb::Error for a character that charset lacks.
std::string to_windows_1251(const std::string& utf8);
std::string md5_hex(const std::string& bytes);
// `salt` is the one-shot salt of auth/getdata.
PasswordProof password_proof(const std::string& password, const std::string& salt);

}  // namespace jb::netschool
