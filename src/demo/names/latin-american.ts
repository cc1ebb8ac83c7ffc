import type { Culture, Part } from './parts.ts';
import { parts, pickDistinct } from './parts.ts';

const ES_MALE = parts(`José, Juan, Luis, Carlos, Jorge, Miguel, Pedro, Francisco, Alejandro, Manuel, Jesús, Andrés, Fernando,
  Ricardo, Diego, Javier, Héctor, Raúl, Sergio, Eduardo, Óscar, Mario, Rafael, Alberto, Roberto, Julio, Arturo, Ángel, Edwin,
  Wilmer, Brayan|Brayan|Bryan, Kevin, Cristian|Cristian|Christian, Nelson, Jhon|Jhon|John`);
const ES_FEMALE = parts(`María, Guadalupe, Ana, Rosa, Carmen, Laura, Daniela, Gabriela, Sofía, Valentina, Camila, Lucía, Paola,
  Verónica, Patricia, Adriana, Claudia, Mónica, Alejandra, Isabel, Fernanda, Marisol, Yesenia, Esperanza, Luz, Sandra, Diana,
  Yuliana, Leidy|Leidy|Lady, Ximena|Ximena|Jimena, Brenda, Karla, Jennifer|Jennifer|Yennifer`);
const ES_FAMILY = parts(`García, Rodríguez, Martínez, Hernández, López, González, Pérez, Sánchez, Ramírez, Torres, Flores,
  Rivera, Gómez, Díaz, Cruz, Morales, Reyes, Gutiérrez, Ortiz, Chávez, Ramos, Ruiz, Mendoza, Vargas, Castillo, Jiménez, Moreno,
  Romero, Herrera, Medina, Aguilar, Vásquez|Vásquez|Vasquez|Vázquez, Castro, Rojas, Guzmán, Salazar, Quispe, Mamani, Huamán,
  Ríos, Peña, Soto, Contreras, Silva, Sandoval, Delgado, Cabrera, Núñez, Valencia, Ortega, de la Cruz|de la Cruz|De La Cruz|Delacruz,
  del Río|del Río|Del Rio|Delrio, de León|de León|De Leon, Ajú, Xicará, Tzul, Pop, Chen`);

/** Hispanic names: one or two given names, then the father's and the mother's first surnames. */
export const hispanic: Culture = {
  id: 'hispanic', script: 'Latn', familyFirst: false, middleInLatin: true, maidenNames: false,
  nationalities: [['MEX', 4], ['COL', 3], ['GTM', 2]], languages: ['es', 'en'],
  surname: (rng) => pickDistinct(rng, ES_FAMILY, 2),
  compose(rng, sex) {
    const given: Part[] = pickDistinct(rng, sex === 'male' ? ES_MALE : ES_FEMALE, rng.chance(0.4) ? 2 : 1);
    // Women keep both surnames on marriage; a record may still add "de <husband's surname>".
    return { given, middle: [], family: pickDistinct(rng, ES_FAMILY, rng.chance(0.9) ? 2 : 1) };
  },
};

const PT_MALE = parts(`João, José, Antônio, Francisco, Carlos, Paulo, Pedro, Lucas, Luiz|Luiz|Luis, Marcos, Gabriel, Rafael,
  Daniel, Marcelo, Bruno, Eduardo, Felipe, Rodrigo, Thiago|Thiago|Tiago, Matheus|Matheus|Mateus, Gustavo, Leandro, Wellington, Anderson`);
const PT_FEMALE = parts(`Maria, Ana, Francisca, Antônia, Adriana, Juliana, Márcia, Fernanda, Patrícia, Aline, Sandra, Camila,
  Amanda, Bruna, Jéssica, Letícia, Júlia, Larissa, Vanessa, Beatriz, Luana, Thaís, Raquel`);
const PT_FAMILY = parts(`Silva, Santos, Oliveira, Souza|Souza|Sousa, Rodrigues, Ferreira, Alves, Pereira, Lima, Gomes, Costa,
  Ribeiro, Martins, Carvalho, Almeida, Lopes, Soares, Fernandes, Vieira, Barbosa, Rocha, Dias, Nascimento, Andrade, Moreira,
  Nunes, Marques, Machado, Mendes, Freitas, Cardoso, Teixeira, Araújo, Monteiro`);

/** Brazilian names: the mother's surname, then the father's; wives often add the husband's. */
export const brazilian: Culture = {
  id: 'brazilian', script: 'Latn', familyFirst: false, middleInLatin: true, maidenNames: true,
  nationalities: [['BRA', 1]], languages: ['pt', 'es'],
  surname: (rng) => [rng.pick(PT_FAMILY)],
  compose(rng, sex) {
    const given = pickDistinct(rng, sex === 'male' ? PT_MALE : PT_FEMALE, rng.chance(0.35) ? 2 : 1);
    return { given, middle: [], family: pickDistinct(rng, PT_FAMILY, rng.chance(0.75) ? 2 : 1) };
  },
};
