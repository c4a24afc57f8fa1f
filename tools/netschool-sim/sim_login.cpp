#include "tools/netschool-sim/sim_login.hpp"

#include <openssl/evp.h>

#include <cstdio>

#include "core/error.hpp"
#include "core/windows_1251.hpp"

namespace jb::netschool_sim {

std::string windows_1251(const std::string& utf8) {
    std::optional<std::string> bytes = to_windows_1251(utf8);
    if (!bytes) throw Error("the password has a character windows-1251 lacks");
    return *bytes;
}

std::string md5_hex(const std::string& bytes) {
    unsigned char digest[16];
    unsigned int size = 0;
    EVP_Digest(bytes.data(), bytes.size(), digest, &size, EVP_md5(), nullptr);
    std::string hex;
    char pair[3];
    for (unsigned int i = 0; i < size; ++i) {
        std::snprintf(pair, sizeof pair, "%02x", digest[i]);
        hex += pair;
    }
    return hex;
}

std::string expected_pw2(const std::string& password, const std::string& salt) {
    return md5_hex(salt + md5_hex(windows_1251(password)));
}

bool proof_matches(const std::string& password, const std::string& salt, const std::string& pw, const std::string& pw2) {
    std::string expected = expected_pw2(password, salt);
    std::size_t characters = windows_1251(password).size();
    return pw2 == expected && pw == expected.substr(0, characters);
}

}  // namespace jb::netschool_sim
