#pragma once
#include <string>
#include <string_view>

namespace jb::net {

// What a secret is replaced with in captures, journals and messages.
inline constexpr std::string_view kScrubbed = "[scrubbed]";

// Authorization, Proxy-Authorization, Access-Token, Cookie, Set-Cookie and *-Token / *-Api-Key
// headers (any case).
bool is_secret_header(std::string_view name);

// Query, form and JSON keys that hold secrets: access_token, refresh_token, token, password,
// passwd, pwd, client_secret, accessToken, refreshToken, main_password2, … (any case; a trailing
// number is ignored).
bool is_secret_field(std::string_view name);

// The URL with the values of secret query parameters replaced; everything else byte for byte.
std::string scrub_url(std::string_view url);

// A request body with secret form fields or JSON members replaced; other bodies unchanged.
std::string scrub_body(std::string_view body, std::string_view content_type);

}  // namespace jb::net
