import { addMessages } from ".";
import { enNetworking } from "./en-networking";
import { nlNetworking } from "./nl-networking";

// Imported by the directory and carousel views: their strings arrive with their chunk.
addMessages({ en: enNetworking, nl: nlNetworking });
