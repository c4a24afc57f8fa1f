#include "adapters/netschool/netschool_password.hpp"

#include <openssl/evp.h>

#include <algorithm>
#include <memory>

#include "core/error.hpp"
#include "core/windows_1251.hpp"

namespace jb::netschool {

std::string to_windows_1251(const std::string& utf8) {
    std::optional<std::string> bytes = jb::to_windows_1251(utf8);
    if (!bytes) throw Error("the password has a character windows-1251 cannot hold; NetSchool's login cannot accept it");
    return *bytes;
}

std::string md5_hex(const std::string& bytes) {
    std::unique_ptr<EVP_MD_CTX, decltype(&EVP_MD_CTX_free)> context(EVP_MD_CTX_new(), EVP_MD_CTX_free);
    unsigned char digest[EVP_MAX_MD_SIZE];
    unsigned int length = 0;
    if (!context || EVP_DigestInit_ex(context.get(), EVP_md5(), nullptr) != 1 ||
        EVP_DigestUpdate(context.get(), bytes.data(), bytes.size()) != 1 ||
        EVP_DigestFinal_ex(context.get(), digest, &length) != 1)
        throw Error("MD5 is not available from OpenSSL");
    static const char* hex = "0123456789abcdef";
    std::string out;
    for (unsigned int i = 0; i < length; ++i) {
        out += hex[digest[i] >> 4];
        out += hex[digest[i] & 15];
    }
    return out;
}

PasswordProof password_proof(const std::string& password, const std::string& salt) {
    std::string encoded = to_windows_1251(password);
    PasswordProof proof;
    proof.pw2 = md5_hex(salt + md5_hex(encoded));
    proof.pw = proof.pw2.substr(0, std::min(encoded.size(), proof.pw2.size()));  // one byte per character
    return proof;
}

}  // namespace jb::netschool
