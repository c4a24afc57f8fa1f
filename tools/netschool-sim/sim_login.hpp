#pragma once
#include <string>

// The server's side of NetSchool's password proof, written apart from the adapter's client side
// so that a mistake in one is not mirrored by the other.
namespace jb::netschool_sim {

std::string windows_1251(const std::string& utf8);  // throws jb::Error for a character it lacks
std::string md5_hex(const std::string& bytes);
// pw2 = md5_hex(salt + md5_hex(cp1251(password))); PW = pw2's first (characters of password).
bool proof_matches(const std::string& password, const std::string& salt, const std::string& pw, const std::string& pw2);
std::string expected_pw2(const std::string& password, const std::string& salt);

}  // namespace jb::netschool_sim
