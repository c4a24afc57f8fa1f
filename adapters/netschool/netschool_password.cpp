#include "adapters/netschool/netschool_password.hpp"

#include <iconv.h>
#include <openssl/evp.h>

#include <algorithm>
#include <memory>

#include "core/error.hpp"

namespace jb::netschool {

std::string to_windows_1251(const std::string& utf8) {
    iconv_t convert = iconv_open("CP1251", "UTF-8");
    if (convert == reinterpret_cast<iconv_t>(-1)) throw Error("iconv cannot convert to windows-1251 on this system");
    std::string in = utf8, out(utf8.size() + 4, '\0');
    char* in_ptr = in.data();
    char* out_ptr = out.data();
    std::size_t in_left = in.size(), out_left = out.size();
    std::size_t done = iconv(convert, &in_ptr, &in_left, &out_ptr, &out_left);
    iconv_close(convert);
    if (done == static_cast<std::size_t>(-1))
        throw Error("the password has a character windows-1251 cannot hold; NetSchool's login cannot accept it");
    out.resize(out.size() - out_left);
    return out;
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
