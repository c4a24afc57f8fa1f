#pragma once
#include <optional>
#include <string>
#include <string_view>

namespace jb::net {

// What a secret is replaced with in captures, journals and messages.
inline constexpr std::string_view kScrubbed = "[scrubbed]";

// Authorization, Proxy-Authorization, Access-Token, Cookie, Set-Cookie, *-Token / *-Api-Key and
// NetSchool's `at` headers (any case).
bool is_secret_header(std::string_view name);

// Query, form and JSON keys that hold secrets: access_token, refresh_token, token, password,
// passwd, pwd, client_secret, accessToken, refreshToken, main_password2, NetSchool's at, … (any
// case; a trailing number is ignored).
bool is_secret_field(std::string_view name);

// The URL with the values of secret query parameters replaced; everything else byte for byte.
std::string scrub_url(std::string_view url);

// A request body with secret form fields or JSON members replaced; other bodies unchanged.
std::string scrub_body(std::string_view body, std::string_view content_type);

// Whether a JSON body may hold a secret member (a name is_secret_field() accepts) and so is worth
// a full parse: one pass over the text, looking for what every such name contains.
bool may_hold_secret_member(std::string_view body);

// A JSON answer with the values of secret members replaced (NetSchool's `context` repeats the
// session token as "at"); nullopt when the body is not JSON or holds no secret member, so that
// answers without secrets stay byte for byte.
std::optional<std::string> scrub_json_answer(std::string_view body);

}  // namespace jb::net
