#pragma once
#include <string>
#include <string_view>

#include "tools/gen-synthetic/random.hpp"

namespace jb::synth {

// Invented Russian people: common first names by generation, surnames in the masculine form (the
// feminine one is derived), patronymics from the father's first name.
enum class Sex { male, female };

std::string_view sex_code(Sex sex);  // "male" / "female", as the person table wants

std::string_view random_surname(Rng& rng);  // masculine form
std::string surname_for(std::string_view masculine, Sex sex);

std::string_view boy_name(Rng& rng);     // born 2007–2019
std::string_view girl_name(Rng& rng);
std::string_view man_name(Rng& rng);     // born 1970–1992: fathers, teachers
std::string_view woman_name(Rng& rng);
std::string_view elder_name(Rng& rng);   // fathers of adults, for their patronymics

// "Сергей" → "Сергеевич" / "Сергеевна"; the name must come from man_name or elder_name.
std::string patronymic(std::string_view father, Sex sex);

}  // namespace jb::synth
