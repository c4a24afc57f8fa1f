#include "tools/netschool-sim/sim_login.hpp"

#include <iconv.h>
#include <openssl/evp.h>

#include <cstdio>

#include "core/error.hpp"

namespace jb::netschool_sim {

std::string windows_1251(const std::string& utf8) {
    iconv_t convert = iconv_open("WINDOWS-1251", "UTF-8");
    std::string in = utf8, out(utf8.size() + 4, '\0');
    char* in_ptr = in.data();
    char* out_ptr = out.data();
    std::size_t in_left = in.size(), out_left = out.size();
    std::size_t done = iconv(convert, &in_ptr, &in_left, &out_ptr, &out_left);
    iconv_close(convert);
    if (done == static_cast<std::size_t>(-1)) throw Error("the password has a character windows-1251 lacks");
    out.resize(out.size() - out_left);
    return out;
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
