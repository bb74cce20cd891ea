// Shapes of the recipes and competences APIs, from @mutualis/contract (types only).
import type { CompetenceDto, RecipeBody as RecipeBodyDto, RecipeDto } from '@mutualis/contract';

export type Recipe = RecipeDto;
export type RecipeBody = RecipeBodyDto;
export type Competence = CompetenceDto;
