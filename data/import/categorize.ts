/**
 * Maps an Online Retail product description onto a category id of domain/categories.ts.
 *
 * The rules, in order (the first rule with a matching keyword wins, so the order is the priority):
 *  1. christmas         seasonal items beat the object type: a "CHRISTMAS CANDLE" is a Christmas item;
 *  2. party             party ware and cake cases (before kitchen, which would claim "cake");
 *  3. candles_lighting  candles, T-lights, lanterns, lamps and lights (before home decor and storage, so a
 *                       "HEART T-LIGHT HOLDER" is lighting, not a heart-shaped decoration);
 *  4. bags              every kind of bag (before bath, so a "WASH BAG" stays a bag);
 *  5. bath_beauty, 6. toys_games, 7. stationery, 8. kitchen_dining, 9. garden_outdoor,
 *  10. jewellery_accessories, 11. storage, 12. home_decor (the broadest, so it comes last);
 *  13. other            nothing matched.
 * A keyword matches a whole word of the description, singular or with a plural "S"/"ES"; multi-word
 * keywords match the words in sequence. The matched keyword becomes the product's subcategory.
 */
import { CATEGORY_IDS } from '../../domain/categories';

interface CategoryRule {
  category: string;
  keywords: string[];
}

export const CATEGORY_RULES: readonly CategoryRule[] = [
  { category: 'christmas', keywords: ['CHRISTMAS', 'XMAS', 'ADVENT', 'BAUBLE', 'SANTA', 'REINDEER', 'SNOWFLAKE', 'SNOWMAN', 'NATIVITY', 'STOCKING', 'ELF', 'FATHER CHRISTMAS', 'CHRISTMAS TREE', 'WREATH', 'ANGEL', 'TINSEL'] },
  { category: 'party', keywords: ['PARTY', 'BUNTING', 'BALLOON', 'NAPKIN', 'CAKE CASE', 'BIRTHDAY', 'CONFETTI', 'PAPER CHAIN', 'STRAW', 'PARTY BAG', 'PAPER PLATE', 'PAPER CUP', 'CANDLES BIRTHDAY', 'GARLAND', 'PINATA', 'FANCY DRESS', 'BANNER', 'CELEBRATION'] },
  { category: 'candles_lighting', keywords: ['CANDLE', 'T-LIGHT', 'TLIGHT', 'TEALIGHT', 'TEA LIGHT', 'LANTERN', 'LAMP', 'LIGHT', 'LIGHTS', 'NIGHT LIGHT', 'INCENSE', 'OIL BURNER', 'CANDLEHOLDER', 'CANDLESTICK', 'LAMPSHADE', 'CHANDELIER', 'LED', 'TORCH', 'VOTIVE', 'FAIRY LIGHTS', 'WAX'] },
  { category: 'bags', keywords: ['BAG', 'TOTE', 'SHOPPER', 'BACKPACK', 'RUCKSACK', 'SATCHEL', 'HANDBAG', 'WASHBAG'] },
  { category: 'bath_beauty', keywords: ['BATH', 'BATHROOM', 'SOAP', 'SPONGE', 'TOILETRY', 'HAND CREAM', 'LIP GLOSS', 'NAIL', 'TISSUE', 'TOWEL', 'PLASTER', 'COSMETIC', 'MAKE UP', 'SHOWER CAP', 'TOOTHBRUSH', 'FLANNEL', 'BEAUTY', 'HOT WATER BOTTLE', 'LAVENDER', 'SCENT', 'PERFUME'] },
  { category: 'toys_games', keywords: ['TOY', 'GAME', 'JIGSAW', 'PUZZLE', 'DOLL', 'TEDDY', 'SKIPPING ROPE', 'SPINNING TOP', 'DOMINO', 'PLAYING CARDS', 'KIDS', 'CHILDRENS', 'CHILDS', 'CHILDREN', 'BABY', 'MAGIC', 'PUPPET', 'RATTLE', 'MARBLE', 'SOLDIER', 'SNAKES AND LADDERS', 'BINGO', 'KNITTING', 'CRAFT', 'FELTCRAFT', 'MODELLING', 'BUBBLE', 'YO-YO', 'KITE', 'PLAYHOUSE', 'TEA SET', 'DRESSING UP', 'COLOURING', 'BALL', 'PAINT SET', 'SEWING', 'PENCIL CASE'] },
  { category: 'stationery', keywords: ['NOTEBOOK', 'NOTE BOOK', 'NOTEPAD', 'PEN', 'PENCIL', 'PAPER', 'CARD', 'WRAP', 'WRAPPING', 'STICKER', 'ENVELOPE', 'GIFT TAG', 'TAG', 'TAPE', 'ERASER', 'RUBBER', 'RULER', 'SHARPENER', 'DIARY', 'CALENDAR', 'POSTCARD', 'MEMO', 'JOURNAL', 'CRAYON', 'CHALK', 'STAMP', 'BOOK', 'RIBBON', 'DOILY', 'DOILEY', 'DOILIE', 'ORIGAMI', 'CLIPBOARD', 'BOOKMARK', 'ADDRESS BOOK', 'PHOTO ALBUM', 'SCRAPBOOK', 'LETTER', 'GLITTER', 'RIBBONS', 'STENCIL', 'SKETCHBOOK', 'PAPERWEIGHT', 'REEL'] },
  { category: 'kitchen_dining', keywords: ['KITCHEN', 'MUG', 'CUP', 'SAUCER', 'PLATE', 'BOWL', 'TEAPOT', 'TEA', 'CAKE', 'CAKESTAND', 'BAKING', 'CUTLERY', 'SPOON', 'FORK', 'KNIFE', 'DISH', 'JUG', 'TRAY', 'APRON', 'OVEN', 'COASTER', 'PLACEMAT', 'PLACEMATS', 'JAM', 'PANTRY', 'LUNCH', 'BOTTLE', 'COFFEE', 'CHOPSTICK', 'BEAKER', 'TUMBLER', 'GLASS', 'JELLY', 'SCALES', 'TIMER', 'EGG CUP', 'EGG FRYING PAN', 'RECIPE', 'CHOPPING', 'CUPCAKE', 'BISCUIT', 'SUGAR', 'MILK', 'DINNER', 'BREAD', 'SALAD', 'TEACUP', 'CAFETIERE', 'GRINDER', 'COOKIE', 'CUTTER', 'MOULD', 'ICE', 'LOLLY', 'WASHING UP', 'SHOT', 'WINE', 'NAPKIN', 'SERVING', 'COLANDER', 'POPCORN', 'SWEETIE', 'PICNIC SET', 'FRYING PAN', 'PAN', 'TOAST', 'DRINK', 'FLASK', 'STRAWS', 'TABLECLOTH', 'CUTLERY SET', 'CHOCOLATE', 'CANDY', 'SWEET', 'PUDDING', 'HONEY', 'CHEESE'] },
  { category: 'garden_outdoor', keywords: ['GARDEN', 'GARDENING', 'OUTDOOR', 'PLANT', 'PLANTER', 'POT', 'FLOWERPOT', 'BIRDHOUSE', 'FEEDER', 'WATERING', 'PICNIC', 'PARASOL', 'DOORMAT', 'WINDMILL', 'GNOME', 'SEED', 'TRELLIS', 'BEACH', 'WHEELBARROW', 'HAMMOCK', 'THERMOMETER', 'BUCKET', 'SPADE', 'TROWEL', 'HERB', 'WIND CHIME', 'CHIME', 'NESTING', 'BIRDCAGE', 'HEN HOUSE', 'PEG', 'UMBRELLA STAND', 'CAMPING', 'BICYCLE', 'BIKE', 'SHED', 'GREENHOUSE', 'HOSE', 'PLANT POT', 'SKITTLES', 'CROQUET', 'BIRD TABLE', 'BIRD FEEDER', 'BIRD BATH'] },
  { category: 'jewellery_accessories', keywords: ['NECKLACE', 'BRACELET', 'EARRING', 'RING', 'BROOCH', 'PENDANT', 'CHARM', 'BEAD', 'BEADS', 'HAIR', 'HAIRCLIP', 'HAIRBAND', 'HAIRGRIP', 'BANGLE', 'UMBRELLA', 'PURSE', 'WALLET', 'SCARF', 'GLOVE', 'HAT', 'KEYRING', 'KEY RING', 'SUNGLASSES', 'WATCH', 'PASSPORT', 'BADGE', 'TIARA', 'DIAMANTE', 'JEWELLERY', 'JEWELLED', 'BLING', 'SLIPPER', 'SOCKS', 'MITTENS', 'POUCH', 'HANDWARMER', 'HAND WARMER', 'LIPSTICK', 'COMPACT', 'CUFFLINKS', 'PIN', 'CLIP', 'GLASSES', 'EYE MASK', 'TRINKET', 'LEG WARMER', 'BOOT', 'ANKLET', 'CHOKER', 'LARIAT'] },
  { category: 'storage', keywords: ['BOX', 'TIN', 'BASKET', 'JAR', 'CRATE', 'DRAWER', 'ORGANISER', 'CASE', 'STORAGE', 'HAMPER', 'TRUNK', 'CADDY', 'CONTAINER', 'CABINET', 'CHEST', 'CANISTER', 'PEG BAG', 'RACK', 'HOLDER', 'STAND', 'BIN', 'TUB', 'TUBE', 'MONEY BANK', 'SAVINGS', 'SHELF', 'LOCKER', 'FILE', 'SHOE', 'WASTE PAPER'] },
  { category: 'home_decor', keywords: ['DECORATION', 'ORNAMENT', 'FRAME', 'CLOCK', 'SIGN', 'CUSHION', 'MIRROR', 'WALL', 'HOOK', 'HANGER', 'DOORSTOP', 'VASE', 'PICTURE', 'ART', 'PLAQUE', 'HEART', 'MOBILE', 'KNOB', 'THROW', 'BLANKET', 'QUILT', 'RUG', 'CURTAIN', 'TABLE', 'CHAIR', 'STOOL', 'MAGNET', 'FLOWER', 'ROSE', 'FEATHER', 'SCULPTURE', 'STATUE', 'PHOTO', 'HOME', 'DECORATIVE', 'HANGING', 'EASTER', 'DOOR', 'BELL', 'GLOBE', 'PRINT', 'POSTER', 'BUNNY', 'RABBIT', 'CHICK', 'HEN', 'DOG', 'CAT', 'OWL', 'STAR', 'LOVE', 'BLOSSOM', 'DAISY', 'TILE', 'LEAF', 'FAN', 'SNOWGLOBE', 'CERAMIC', 'WOODEN', 'ZINC', 'METAL', 'ENAMEL', 'PAINTED', 'ANTIQUE', 'VINTAGE', 'RETRO', 'HOUSE', 'COTTAGE', 'PARLOUR', 'BOUDOIR', 'DECOUPAGE', 'FRIDGE', 'POMPOM', 'TASSEL', 'DOORHANGER', 'LETTERS', 'BIRD', 'BUTTERFLY', 'FLOCK', 'DRAUGHT EXCLUDER', 'PAPERWEIGHT', 'CANDLEPOT'] },
];

const RULES = CATEGORY_RULES.map(({ category, keywords }) => {
  if (!CATEGORY_IDS.includes(category)) throw new Error(`categorize: unknown category id ${category}`);
  return { category, keywords: keywords.map((k) => k.split(' ')) };
});

export interface CategoryMatch {
  category: string;
  /** The keyword that decided it, lower case (e.g. "t-light"); absent for "other". */
  keyword?: string;
}

export function descriptionWords(description: string): string[] {
  return description.toUpperCase().split(/[^A-Z0-9'&-]+/).filter(Boolean);
}

function sameWord(word: string, keyword: string): boolean {
  if (word === keyword) return true;
  if (!word.startsWith(keyword)) return false;
  const rest = word.slice(keyword.length);
  return rest === 'S' || rest === 'ES';
}

function containsKeyword(words: string[], keyword: string[]): boolean {
  for (let i = 0; i + keyword.length <= words.length; i++) {
    if (keyword.every((k, j) => sameWord(words[i + j], k))) return true;
  }
  return false;
}

export function categorize(description: string): CategoryMatch {
  const words = descriptionWords(description);
  for (const rule of RULES) {
    const hit = rule.keywords.find((k) => containsKeyword(words, k));
    if (hit) return { category: rule.category, keyword: hit.join(' ').toLowerCase() };
  }
  return { category: 'other' };
}
